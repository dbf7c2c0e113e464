package dev.paas.identity.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.identity.github.WebhookRegistrations;
import dev.paas.identity.github.WebhookRemovals;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Registers push webhooks for projects picked from GitHub as project-service announces them, and removes them again
 * when the project is deleted.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventListeners {

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions, WebhookRegistrations webhooks,
            WebhookRemovals removals) {
        return subscriptions.consumer("identity-service")
                .on(ProjectCreated.class, event -> webhooks.register(event.projectId(), event.ownerId(),
                        event.githubRepository()))
                .on(ProjectDeleted.class, event -> removals.remove(event.projectId()))
                .build();
    }
}
