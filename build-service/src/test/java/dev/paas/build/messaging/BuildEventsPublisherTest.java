package dev.paas.build.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.build.builds.BuildEvents;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BuildEventsPublisherTest {

    private final UUID deploymentId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final List<IntegrationEvent> appended = new ArrayList<>();
    private final BuildEventsPublisher publisher = new BuildEventsPublisher(new Outbox(null, null, null) {
        @Override
        public EventEnvelope append(IntegrationEvent event) {
            appended.add(event);
            return null;
        }
    });

    @Test
    void publishesBuildStartedWhenAWorkerTakesTheBuild() {
        publisher.on(new BuildEvents.Started(deploymentId, projectId, owner));

        assertThat(appended).containsExactly(new BuildStarted(deploymentId, projectId, owner));
    }

    @Test
    void publishesImageBuiltWhenBuildSucceeds() {
        publisher.on(new BuildEvents.Succeeded(deploymentId, projectId, "shop", "paas-app/shop:" + deploymentId,
                "node", "abc123", "Add the shop", 3000, owner));

        assertThat(appended).containsExactly(new ImageBuilt(deploymentId, projectId, "shop",
                "paas-app/shop:" + deploymentId, "node", "abc123", "Add the shop", 3000, owner));
    }

    @Test
    void publishesBuildFailedWithTheReason() {
        publisher.on(new BuildEvents.Failed(deploymentId, projectId, "branch 'x' not found in https://h/r", null,
                null, null, owner));

        assertThat(appended).containsExactly(new BuildFailed(deploymentId, projectId,
                "branch 'x' not found in https://h/r", null, null, null, owner));
    }
}
