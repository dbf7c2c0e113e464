package dev.paas.metrics.messaging;

import dev.paas.contracts.database.DatabaseDeleted;
import dev.paas.contracts.database.DatabaseProvisioned;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.metrics.owners.KnownResources;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps the local record of whose projects and databases are whose from project and database facts. */
@Configuration(proxyBeanMethods = false)
class ResourceEventListeners {

    private static final String CONSUMER = "metrics-service";

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions, KnownResources resources) {
        return subscriptions.consumer(CONSUMER)
                .on(ProjectCreated.class, (event, envelope) -> resources.projectRegistered(event.projectId(),
                        event.slug(), event.ownerId(), envelope.occurredAt()))
                .on(ProjectDeleted.class, event -> resources.projectDeleted(event.projectId()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> databaseEvents(EventSubscriptions subscriptions, KnownResources resources) {
        return subscriptions.consumer(CONSUMER)
                .on(DatabaseProvisioned.class, event -> resources.databaseProvisioned(event.databaseId(),
                        event.ownerId(), event.name(), event.type()))
                .on(DatabaseDeleted.class, event -> resources.databaseDeleted(event.databaseId()))
                .build();
    }
}
