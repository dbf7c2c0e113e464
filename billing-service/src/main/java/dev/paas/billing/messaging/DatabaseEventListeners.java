package dev.paas.billing.messaging;

import dev.paas.billing.plans.AccountPlanService;
import dev.paas.billing.usage.DatabaseUsageRecorder;
import dev.paas.contracts.database.DatabaseDeleted;
import dev.paas.contracts.database.DatabaseProvisioned;
import dev.paas.contracts.database.DatabaseStateChanged;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code databaseEvents-in-0} binding ({@code paas.database}, group {@code billing-service-databases}): a
 * database is metered while it is {@code RUNNING}; stopped, crash-looped, restoring and deleted databases are not.
 * The owner of a provisioned database is an account billing may not have seen yet (one with databases and no project),
 * which gets the default plan and its limits.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseEventListeners {

    static final String RUNNING = "RUNNING";

    @Bean
    Consumer<Message<byte[]>> databaseEvents(EventSubscriptions subscriptions, DatabaseUsageRecorder usage,
            AccountPlanService accountPlans) {
        return subscriptions.consumer("billing-service-databases")
                .on(DatabaseProvisioned.class, (event, envelope) -> {
                    if (event.ownerId() != null) {
                        accountPlans.accountSeen(event.ownerId(), envelope.occurredAt());
                    }
                    usage.running(event.databaseId(), event.ownerId(), event.name(), event.type(),
                            envelope.occurredAt());
                })
                .on(DatabaseStateChanged.class, (event, envelope) -> {
                    if (RUNNING.equals(event.state())) {
                        usage.running(event.databaseId(), event.ownerId(), null, event.type(), envelope.occurredAt());
                    } else {
                        usage.notRunning(event.databaseId(), envelope.occurredAt());
                    }
                })
                .on(DatabaseDeleted.class, (event, envelope) -> usage.notRunning(event.databaseId(),
                        envelope.occurredAt()))
                .build();
    }
}
