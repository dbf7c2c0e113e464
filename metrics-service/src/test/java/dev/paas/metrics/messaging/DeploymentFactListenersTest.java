package dev.paas.metrics.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import dev.paas.metrics.deployments.DeploymentTimeline;
import dev.paas.metrics.deployments.Milestone;
import dev.paas.metrics.owners.KnownResources;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.messaging.Message;

/** Each golden build and runtime event, as its producer publishes it, becomes the matching milestone. */
class DeploymentFactListenersTest {

    private final DeploymentTimeline timeline = mock(DeploymentTimeline.class);
    private final DeploymentFactListeners listeners = new DeploymentFactListeners();

    @ParameterizedTest
    @CsvSource({
            "dev.paas.contracts.build.BuildStarted, BUILD_STARTED, true",
            "dev.paas.contracts.build.ImageBuilt, IMAGE_BUILT, true",
            "dev.paas.contracts.build.BuildFailed, BUILD_FAILED, true",
    })
    void recordsTheMilestoneOfEachBuildEventWithItsOwner(Class<? extends IntegrationEvent> type,
            Milestone milestone, boolean withOwner) {
        assertRecorded(listeners.buildEvents(ListenerDeliveries.subscriptions(), timeline), type, milestone,
                withOwner);
    }

    @ParameterizedTest
    @CsvSource({
            "dev.paas.contracts.runtime.ContainerStarted, CONTAINER_STARTED, true",
            "dev.paas.contracts.runtime.ContainerHealthy, HEALTHY, false",
            "dev.paas.contracts.runtime.DeploymentFailed, DEPLOYMENT_FAILED, false",
            "dev.paas.contracts.runtime.ContainerStopped, CONTAINER_STOPPED, false",
    })
    void recordsTheMilestoneOfEachRuntimeEvent(Class<? extends IntegrationEvent> type, Milestone milestone,
            boolean withOwner) {
        assertRecorded(listeners.runtimeEvents(ListenerDeliveries.subscriptions(), timeline,
                mock(KnownResources.class)), type, milestone,
                withOwner);
    }

    private void assertRecorded(Consumer<Message<byte[]>> listener, Class<? extends IntegrationEvent> type,
            Milestone milestone, boolean withOwner) {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(type));

        UUID owner = withOwner ? OWNER : null;
        verify(timeline).record(DEPLOYMENT, PROJECT, owner, milestone, envelope.occurredAt());
    }
}
