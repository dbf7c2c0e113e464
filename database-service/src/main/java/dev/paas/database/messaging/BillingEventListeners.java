package dev.paas.database.messaging;

import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.database.databases.Databases;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code billingEvents-in-0} binding ({@code paas.billing}, group {@code database-service-billing}): a suspended
 * account's running databases are stopped with their volumes kept, and started again when it is reinstated.
 */
@Configuration(proxyBeanMethods = false)
class BillingEventListeners {

    private static final Logger log = LoggerFactory.getLogger(BillingEventListeners.class);

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventSubscriptions subscriptions, Databases databases) {
        return subscriptions.consumer("database-service-billing")
                .on(AccountSuspended.class, event -> log.info("account {} suspended ({}): stopped databases {}",
                        event.userId(), event.reason(), databases.suspendAccount(event.userId())))
                .on(AccountReinstated.class, event -> log.info("account {} reinstated: started databases {}",
                        event.userId(), databases.reinstateAccount(event.userId())))
                .build();
    }
}
