package dev.paas.runtime.messaging;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.rollout.Rollouts;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens to build-service ({@code paas.build}): a built image becomes a pending release. The handler only
 * records it; the container is started by the rollout worker, outside the message's transaction.
 */
@Configuration(proxyBeanMethods = false)
class BuildEventsConfiguration {

    static final String CONSUMER = "runtime-service";

    private final Rollouts rollouts;

    BuildEventsConfiguration(Rollouts rollouts) {
        this.rollouts = rollouts;
    }

    @Bean
    Consumer<Message<byte[]>> buildEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(CONSUMER)
                .on(ImageBuilt.class, this::imageBuilt)
                .build();
    }

    /** Translates the contract into the rollout's terms. */
    void imageBuilt(ImageBuilt image) {
        rollouts.schedule(image.deploymentId(), image.projectId(), image.ownerId(), image.projectSlug(),
                image.imageTag(), image.port());
    }
}
