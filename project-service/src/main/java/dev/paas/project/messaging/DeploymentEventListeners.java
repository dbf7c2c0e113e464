package dev.paas.project.messaging;

import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.project.deployments.DeploymentService;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Feeds build and runtime facts into the deployment state machine. */
@Configuration(proxyBeanMethods = false)
class DeploymentEventListeners {

    @Bean
    Consumer<Message<byte[]>> buildEvents(EventSubscriptions subscriptions, DeploymentService deployments) {
        return subscriptions.consumer("project-service")
                .on(BuildStarted.class, deployments::on)
                .on(ImageBuilt.class, deployments::on)
                .on(BuildFailed.class, deployments::on)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> runtimeEvents(EventSubscriptions subscriptions, DeploymentService deployments) {
        return subscriptions.consumer("project-service")
                .on(ContainerHealthy.class, deployments::on)
                .on(DeploymentFailed.class, deployments::on)
                .on(ContainerStopped.class, deployments::on)
                .build();
    }
}
