package dev.paas.runtime.messaging;

import static dev.paas.contracts.golden.GoldenEvents.CONTAINER;
import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static dev.paas.contracts.golden.GoldenEvents.SUCCESSOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.testing.RecordingOutbox;
import dev.paas.runtime.release.ReleaseEvents;
import org.junit.jupiter.api.Test;

/**
 * The release aggregate's events become the published contracts exactly as the platform's golden envelopes
 * ({@link GoldenEvents}) say: the wire format other services rely on must not drift.
 */
class ReleaseEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ReleaseEventsPublisher publisher = new ReleaseEventsPublisher(outbox);

    @Test
    void publishesContainerStartedWithTheContainersLimits() {
        publisher.on(new ReleaseEvents.Started(DEPLOYMENT, PROJECT, CONTAINER, 536_870_912L, 500_000_000L, OWNER));

        assertPublishedAsGolden(ContainerStarted.class);
    }

    @Test
    void publishesContainerHealthyWithTheUrlWhenTheReleaseIsPromoted() {
        publisher.on(new ReleaseEvents.Promoted(DEPLOYMENT, PROJECT, CONTAINER, "http://shop.paas.localhost"));

        assertPublishedAsGolden(ContainerHealthy.class);
    }

    @Test
    void publishesContainerStoppedNamingTheSuccessorWhenTheReleaseIsReplaced() {
        publisher.on(new ReleaseEvents.Replaced(DEPLOYMENT, PROJECT, CONTAINER, SUCCESSOR));

        assertPublishedAsGolden(ContainerStopped.class);
    }

    @Test
    void publishesDeploymentFailedWithTheReason() {
        publisher.on(new ReleaseEvents.Failed(DEPLOYMENT, PROJECT, "app did not answer HTTP on port 3000 within 60 s"));

        assertPublishedAsGolden(DeploymentFailed.class);
    }

    private void assertPublishedAsGolden(Class<? extends IntegrationEvent> type) {
        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(type));
    }
}
