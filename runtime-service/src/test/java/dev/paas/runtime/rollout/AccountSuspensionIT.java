package dev.paas.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.problems.PaymentRequired;
import dev.paas.runtime.ingress.UpstreamDirectory;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestHttp;
import dev.paas.runtime.testing.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Billing's suspension and reinstatement of an account, from the events on {@code paas.billing} to Docker and
 * Caddy: the account's running app is stopped and its URL answers the 402 "paused" page, the app its owner had
 * stopped is held too; on reinstatement the first serves again and the second stays stopped.
 */
@TestPropertySource(properties = {
    "paas.runtime.supervise-interval=200ms",
    "paas.runtime.health-timeout=20s",
    "paas.runtime.probe-interval=300ms",
    "paas.runtime.backoff-initial=100ms",
    "paas.runtime.backoff-max=400ms",
    "paas.runtime.drain-grace=5s"
})
class AccountSuspensionIT extends RuntimeIntegrationSupport {

    private static final Duration SOON = Duration.ofSeconds(45);

    @Autowired
    Rollouts rollouts;

    @Autowired
    Releases releases;

    @Autowired
    AppLifecycle lifecycle;

    @Autowired
    AppStore store;

    @Autowired
    UpstreamDirectory directory;

    private final UUID ownerId = UUID.randomUUID();
    private final App running = new App(UUID.randomUUID());
    private final App stopped = new App(UUID.randomUUID());

    @AfterEach
    void removeContainers() {
        for (App app : List.of(running, stopped)) {
            forgetApp(app.projectId);
            directory.serve(app.slug, List.of());
        }
    }

    @Test
    void suspendsTheAccountsAppsBehindA402PageAndStartsAgainOnlyWhatWasRunning() throws Exception {
        deploy(running);
        deploy(stopped);
        lifecycle.stop(stopped.projectId, ownerId, false);
        await().atMost(SOON).until(() -> state(stopped) == AppState.STOPPED);

        EventEnvelope suspension = EventBus.shared().publish(new AccountSuspended(ownerId, "-0.5000", "USD",
                "the balance stayed at -0.5000 USD through the 24 h grace period"));

        await().atMost(SOON).until(() -> state(running) == AppState.SUSPENDED && state(stopped) == AppState.SUSPENDED);
        await().atMost(SOON).until(() -> TestDocker.containersLabelled("paas.project", running.projectId.toString())
                .isEmpty());
        for (App app : List.of(running, stopped)) {
            TestHttp.Response page = await().atMost(SOON).until(() -> caddy().get(app.host), r -> r.status() == 402);
            assertThat(page.body()).contains("This app is paused: its account's balance is due");
        }
        assertThat(TestDocker.client().inspectImageCmd(TestImages.APP).exec().getId()).as("the image is kept")
                .isNotBlank();
        assertThatThrownBy(() -> lifecycle.start(stopped.projectId, ownerId, false))
                .isInstanceOf(PaymentRequired.class);
        // A redelivered suspension changes nothing (and records no "before" of the already suspended apps).
        EventBus.shared().republish(suspension);

        EventBus.shared().publish(new AccountReinstated(ownerId, "4.5000", "USD"));

        await().atMost(SOON).ignoreExceptions().until(() -> state(running) == AppState.RUNNING
                && caddy().get(running.host).status() == 200);
        assertThat(caddy().get(running.host).body()).startsWith("hello from ");
        await().atMost(SOON).until(() -> state(stopped) == AppState.STOPPED);
        assertThat(store.app(stopped.projectId).orElseThrow().desired()).isEqualTo(AppRecord.Desired.STOPPED);
        assertThat(TestDocker.containersLabelled("paas.project", stopped.projectId.toString())).isEmpty();
        await().atMost(SOON).until(() -> caddy().get(stopped.host).status() != 402);
    }

    private void deploy(App app) {
        UUID deploymentId = UUID.randomUUID();
        rollouts.schedule(deploymentId, app.projectId, ownerId, app.slug, TestImages.APP, 3000);
        await().atMost(SOON).until(() -> releases.findById(deploymentId).map(Release::status).orElse(null),
                status -> status == ReleaseStatus.RUNNING);
        await().atMost(SOON).ignoreExceptions().until(() -> caddy().get(app.host).status() == 200);
    }

    private AppState state(App app) {
        return store.app(app.projectId).map(AppRecord::state).orElse(null);
    }

    private static final class App {
        final UUID projectId;
        final String slug;
        final String host;

        App(UUID projectId) {
            this.projectId = projectId;
            this.slug = "it-" + projectId.toString().substring(0, 8);
            this.host = slug + ".paas.localhost";
        }
    }
}
