package dev.paas.gateway.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.gateway.webhooks.GitHubProjects;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Learns which projects were picked from GitHub, so their deliveries are recognised, and forgets deleted ones, so
 * theirs no longer are.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventListeners {

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions, GitHubProjects projects) {
        return subscriptions.consumer("gateway-projects")
                .on(ProjectCreated.class, (event, envelope) -> projects.register(event.projectId(),
                        event.githubRepository(), envelope.occurredAt()))
                .on(ProjectDeleted.class, event -> projects.forget(event.projectId()))
                .build();
    }
}
