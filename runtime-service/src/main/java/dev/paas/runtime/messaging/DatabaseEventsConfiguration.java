package dev.paas.runtime.messaging;

import dev.paas.contracts.database.DatabaseLinked;
import dev.paas.contracts.database.DatabaseUnlinked;
import dev.paas.messaging.binder.PoisonMessageException;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.databases.LinkRejected;
import dev.paas.runtime.databases.LinkedVariables;
import java.util.function.Consumer;
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
            // the binder dead-letters it and logs the message, which names the link but no value
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }

    void databaseUnlinked(DatabaseUnlinked unlink) {
        linked.unlinked(unlink.projectId(), unlink.databaseId());
    }
}
