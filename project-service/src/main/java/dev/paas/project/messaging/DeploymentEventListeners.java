package dev.paas.project.messaging;

import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.project.deployments.CommitInfo;
import dev.paas.project.deployments.DeploymentService;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Feeds build and runtime facts ({@code paas.build}, {@code paas.runtime}) into the deployment state machine: each
 * contract and the time its envelope says it happened become a call on {@link DeploymentService}.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentEventListeners {

    private final DeploymentService deployments;

    DeploymentEventListeners(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @Bean
    Consumer<Message<byte[]>> buildEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(BuildStarted.class, this::buildStarted)
                .on(ImageBuilt.class, this::imageBuilt)
                .on(BuildFailed.class, this::buildFailed)
                .on(BuildCancelled.class, this::buildCancelled)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> runtimeEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(ContainerHealthy.class, this::containerHealthy)
                .on(DeploymentFailed.class, this::deploymentFailed)
                .on(ContainerStopped.class, this::containerStopped)
                .build();
    }

    void buildStarted(BuildStarted started, EventEnvelope envelope) {
        deployments.buildStarted(started.deploymentId(), envelope.occurredAt());
    }

    void imageBuilt(ImageBuilt built, EventEnvelope envelope) {
        deployments.imageBuilt(built.deploymentId(), built.stack(),
                new CommitInfo(built.commitSha(), built.commitMessage(), built.commitAuthor()), built.imageTag(),
                envelope.occurredAt());
    }

    void buildFailed(BuildFailed failed, EventEnvelope envelope) {
        deployments.buildFailed(failed.deploymentId(), failed.reason(), failed.stack(),
                new CommitInfo(failed.commitSha(), failed.commitMessage(), failed.commitAuthor()),
                envelope.occurredAt());
    }

    void buildCancelled(BuildCancelled cancelled, EventEnvelope envelope) {
        deployments.buildCancelled(cancelled.deploymentId(), cancelled.reason(), envelope.occurredAt());
    }

    void containerHealthy(ContainerHealthy healthy, EventEnvelope envelope) {
        deployments.becameHealthy(healthy.deploymentId(), healthy.url(), envelope.occurredAt());
    }

    void deploymentFailed(DeploymentFailed failed, EventEnvelope envelope) {
        deployments.runFailed(failed.deploymentId(), failed.reason(), envelope.occurredAt());
    }

    void containerStopped(ContainerStopped stopped) {
        deployments.replaced(stopped.deploymentId());
    }
}
