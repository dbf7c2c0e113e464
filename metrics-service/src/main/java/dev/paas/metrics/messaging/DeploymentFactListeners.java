package dev.paas.metrics.messaging;

import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.metrics.deployments.DeploymentTimeline;
import dev.paas.metrics.deployments.Milestone;
import dev.paas.metrics.owners.KnownResources;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Turns build and runtime facts into deployment milestones, with the owner where the fact names one, and keeps the
 * custom domains each project is served under.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentFactListeners {

    private static final String CONSUMER = "metrics-service";

    @Bean
    Consumer<Message<byte[]>> buildEvents(EventSubscriptions subscriptions, DeploymentTimeline timeline) {
        return subscriptions.consumer(CONSUMER)
                .on(BuildStarted.class, (event, envelope) -> timeline.record(event.deploymentId(), event.projectId(),
                        event.ownerId(), Milestone.BUILD_STARTED, envelope.occurredAt()))
                .on(ImageBuilt.class, (event, envelope) -> timeline.record(event.deploymentId(), event.projectId(),
                        event.ownerId(), Milestone.IMAGE_BUILT, envelope.occurredAt()))
                .on(BuildFailed.class, (event, envelope) -> timeline.record(event.deploymentId(), event.projectId(),
                        event.ownerId(), Milestone.BUILD_FAILED, envelope.occurredAt()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> runtimeEvents(EventSubscriptions subscriptions, DeploymentTimeline timeline,
            KnownResources resources) {
        return subscriptions.consumer(CONSUMER)
                .on(ContainerStarted.class, (event, envelope) -> timeline.record(event.deploymentId(),
                        event.projectId(), event.ownerId(), Milestone.CONTAINER_STARTED, envelope.occurredAt()))
                .on(ContainerHealthy.class, (event, envelope) -> timeline.record(event.deploymentId(),
                        event.projectId(), null, Milestone.HEALTHY, envelope.occurredAt()))
                .on(DeploymentFailed.class, (event, envelope) -> timeline.record(event.deploymentId(),
                        event.projectId(), null, Milestone.DEPLOYMENT_FAILED, envelope.occurredAt()))
                .on(ContainerStopped.class, (event, envelope) -> timeline.record(event.deploymentId(),
                        event.projectId(), null, Milestone.CONTAINER_STOPPED, envelope.occurredAt()))
                .on(DomainAdded.class, event -> resources.domainAdded(event.projectId(), event.domain()))
                .on(DomainRemoved.class, event -> resources.domainRemoved(event.projectId(), event.domain()))
                .build();
    }
}
