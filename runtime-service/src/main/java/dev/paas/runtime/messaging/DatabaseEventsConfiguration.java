package dev.paas.runtime.messaging;

import dev.paas.contracts.database.DatabaseLinked;
import dev.paas.contracts.database.DatabaseUnlinked;
import dev.paas.messaging.binder.PoisonMessageException;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.databases.LinkRejected;
import dev.paas.runtime.databases.LinkedVariables;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens to database-service ({@code paas.database}): a linked database's variables (sealed under the link key)
 * are kept for the project's next deployment or restart, an unlinked one's are dropped. A link whose variables do
 * not open is rejected as poison, logged without any value, and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseEventsConfiguration.class);

    private final LinkedVariables linked;

    DatabaseEventsConfiguration(LinkedVariables linked) {
        this.linked = linked;
    }

    @Bean
    Consumer<Message<byte[]>> databaseEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(BuildEventsConfiguration.CONSUMER)
                .on(DatabaseLinked.class, this::databaseLinked)
                .on(DatabaseUnlinked.class, this::databaseUnlinked)
                .build();
    }

    void databaseLinked(DatabaseLinked link) {
        try {
            linked.linked(link.projectId(), link.databaseId(), link.prefix(), link.sealedVariables());
        } catch (LinkRejected e) {
            log.error("rejected DatabaseLinked of database {} for project {}: {}", link.databaseId(),
                    link.projectId(), e.getMessage());
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }

    void databaseUnlinked(DatabaseUnlinked unlink) {
        linked.unlinked(unlink.projectId(), unlink.databaseId());
    }
}
