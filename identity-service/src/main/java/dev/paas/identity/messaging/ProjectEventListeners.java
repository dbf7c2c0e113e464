package dev.paas.identity.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.identity.github.WebhookRegistrations;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Registers push webhooks for projects picked from GitHub as project-service announces them. */
@Configuration(proxyBeanMethods = false)
class ProjectEventListeners {

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions, WebhookRegistrations webhooks) {
        return subscriptions.consumer("identity-service")
                .on(ProjectCreated.class, event -> webhooks.register(event.projectId(), event.ownerId(),
                        event.githubRepository()))
                .build();
    }
}
