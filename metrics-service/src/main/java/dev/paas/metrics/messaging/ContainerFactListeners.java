package dev.paas.metrics.messaging;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.metrics.containers.DeploymentStacks;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps the stack each deployment was built with, which the admin's container list shows. */
@Configuration(proxyBeanMethods = false)
class ContainerFactListeners {

    private static final String CONSUMER = "metrics-service-containers";

    @Bean
    Consumer<Message<byte[]>> containerBuildEvents(EventSubscriptions subscriptions, DeploymentStacks stacks) {
        return subscriptions.consumer(CONSUMER)
                .on(ImageBuilt.class, event -> stacks.imageBuilt(event.deploymentId(), event.stack()))
                .build();
    }
}
