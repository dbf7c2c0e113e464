package dev.paas.build.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.IMAGE;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static dev.paas.contracts.golden.GoldenEvents.SUCCESSOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.build.builds.BuildEvents;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.messaging.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

/**
 * The build aggregate's events become the published contracts exactly as the platform's golden envelopes
 * ({@link GoldenEvents}) say.
 */
class BuildEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final BuildEventsPublisher publisher = new BuildEventsPublisher(outbox);

    @Test
    void publishesBuildStartedWhenAWorkerTakesTheBuild() {
        publisher.on(new BuildEvents.Started(DEPLOYMENT, PROJECT, OWNER));

        assertPublishedAsGolden(BuildStarted.class);
    }

    @Test
    void publishesImageBuiltWhenBuildSucceeds() {
        publisher.on(new BuildEvents.Succeeded(DEPLOYMENT, PROJECT, "shop", IMAGE, "node",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", 3000, OWNER,
                "Mona Lisa <mona@example.com>"));

        assertPublishedAsGolden(ImageBuilt.class);
    }

    @Test
    void publishesBuildFailedWithTheReason() {
        publisher.on(new BuildEvents.Failed(DEPLOYMENT, PROJECT,
                "branch 'release' not found in https://github.com/acme/shop.git", null, null, null, OWNER, null));

        assertPublishedAsGolden(BuildFailed.class);
    }

    @Test
    void publishesBuildCancelledWithTheReason() {
        publisher.on(new BuildEvents.Cancelled(DEPLOYMENT, PROJECT, "superseded by deployment " + SUCCESSOR, OWNER));

        assertPublishedAsGolden(BuildCancelled.class);
    }

    private void assertPublishedAsGolden(Class<? extends IntegrationEvent> type) {
        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(type));
    }
}
