package dev.paas.runtime.messaging;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.projects.KnownProjects;
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
    private final KnownProjects projects;

    BuildEventsConfiguration(Rollouts rollouts, KnownProjects projects) {
        this.rollouts = rollouts;
        this.projects = projects;
    }

    @Bean
    Consumer<Message<byte[]>> buildEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(CONSUMER)
                .on(ImageBuilt.class, this::imageBuilt)
                .build();
    }

    /** Translates the contract into the rollout's terms. */
    void imageBuilt(ImageBuilt image) {
        if (projects.removed(image.projectId())) {
            // built just as the project was deleted: build-service removes the image, nothing is started
            return;
        }
        rollouts.schedule(image.deploymentId(), image.projectId(), image.ownerId(), image.projectSlug(),
                image.imageTag(), image.stack(), image.port());
    }
}
