package dev.paas.database.messaging;

import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.database.accounts.AccountLimits;
import dev.paas.database.accounts.Accounts;
import dev.paas.database.databases.Databases;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code billingEvents-in-0} binding ({@code paas.billing}, group {@code database-service-billing}): an account's
 * plan limits are kept (its databases take the plan's disk quota); a suspended account's running databases are
 * stopped with their volumes kept, and started again when it is reinstated. An event older than what is known of the
 * account (by {@code occurredAt}, then event id) changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class BillingEventListeners {

    private static final Logger log = LoggerFactory.getLogger(BillingEventListeners.class);

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventSubscriptions subscriptions, Accounts accounts,
            Databases databases) {
        return subscriptions.consumer("database-service-billing")
                .on(AccountLimitsChanged.class, (event, envelope) -> {
                    AccountLimits limits = new AccountLimits(event.planName(), event.maxDatabasesPerType(),
                            event.databaseDiskMb());
                    if (accounts.limitsChanged(event.userId(), event.planId(), limits, envelope.occurredAt(),
                            envelope.id())) {
                        log.info("account {} is on plan {}: {} databases take a disk quota of {} MB", event.userId(),
                                event.planName(), databases.limitsChanged(event.userId()), event.databaseDiskMb());
                    } else {
                        log.info("account {}: limits of plan {} from {} ignored, newer ones are known",
                                event.userId(), event.planName(), envelope.occurredAt());
                    }
                })
                .on(AccountSuspended.class, (event, envelope) -> {
                    if (accounts.standingChanged(event.userId(), true, envelope.occurredAt(), envelope.id())) {
                        log.info("account {} suspended ({}): stopped databases {}", event.userId(), event.reason(),
                                databases.suspendAccount(event.userId()));
                    } else {
                        log.info("account {}: suspension from {} ignored, a newer standing is known",
                                event.userId(), envelope.occurredAt());
                    }
                })
                .on(AccountReinstated.class, (event, envelope) -> {
                    if (accounts.standingChanged(event.userId(), false, envelope.occurredAt(), envelope.id())) {
                        log.info("account {} reinstated: started databases {}", event.userId(),
                                databases.reinstateAccount(event.userId()));
                    } else {
                        log.info("account {}: reinstatement from {} ignored, a newer standing is known",
                                event.userId(), envelope.occurredAt());
                    }
                })
                .build();
    }
}
