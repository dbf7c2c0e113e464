package dev.paas.database.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.database.databases.Databases;
import dev.paas.database.projects.KnownProjects;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps the local record of projects current: created projects are added, deleted ones removed, and a deleted
 * project loses its database links (the databases stay).
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventListeners {

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions, KnownProjects projects,
            Databases databases) {
        return subscriptions.consumer("database-service")
                .on(ProjectCreated.class, (event, envelope) -> projects.registered(event.projectId(), event.slug(),
                        event.ownerId(), envelope.occurredAt()))
                .on(ProjectDeleted.class, event -> {
                    databases.projectDeleted(event.projectId());
                    projects.deleted(event.projectId());
                })
                .build();
    }
}
