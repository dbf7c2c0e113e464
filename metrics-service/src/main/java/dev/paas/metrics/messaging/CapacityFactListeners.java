package dev.paas.metrics.messaging;

import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.metrics.capacity.QueuedDeployments;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps the deployments waiting for their build for the admin capacity view: requested on {@code paas.project}
 * ({@code capacityProjectEvents}), started or ended on {@code paas.build} ({@code capacityBuildEvents}).
 */
@Configuration(proxyBeanMethods = false)
class CapacityFactListeners {

    private static final String CONSUMER = "metrics-service-capacity";

    @Bean
    Consumer<Message<byte[]>> capacityProjectEvents(EventSubscriptions subscriptions, QueuedDeployments queued) {
        return subscriptions.consumer(CONSUMER)
                .on(DeploymentRequested.class, (event, envelope) -> queued.requested(event.deploymentId(),
                        event.projectId(), envelope.occurredAt()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> capacityBuildEvents(EventSubscriptions subscriptions, QueuedDeployments queued) {
        return subscriptions.consumer(CONSUMER)
                .on(BuildStarted.class, (event, envelope) -> queued.ended(event.deploymentId(), event.projectId(),
                        envelope.occurredAt()))
                .on(BuildFailed.class, (event, envelope) -> queued.ended(event.deploymentId(), event.projectId(),
                        envelope.occurredAt()))
                .on(BuildCancelled.class, (event, envelope) -> queued.ended(event.deploymentId(),
                        event.projectId(), envelope.occurredAt()))
                .build();
    }
}
