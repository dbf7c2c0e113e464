package dev.paas.project.messaging;

import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.project.accounts.Accounts;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code billingEvents-in-0} binding ({@code paas.billing}, group {@code project-service-billing}): the app quota
 * of each account's plan and whether the account is suspended, each with its envelope's time and id so that only a
 * newer event changes them. Other billing events are ignored.
 */
@Configuration(proxyBeanMethods = false)
class BillingEventListeners {

    private final Accounts accounts;

    BillingEventListeners(Accounts accounts) {
        this.accounts = accounts;
    }

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(AccountLimitsChanged.class, this::limitsChanged)
                .on(AccountSuspended.class, this::suspended)
                .on(AccountReinstated.class, this::reinstated)
                .build();
    }

    void limitsChanged(AccountLimitsChanged changed, EventEnvelope envelope) {
        accounts.limitsChanged(changed.userId(), changed.planId(), changed.planName(), changed.maxApps(),
                envelope.occurredAt(), envelope.id());
    }

    void suspended(AccountSuspended suspended, EventEnvelope envelope) {
        accounts.suspended(suspended.userId(), suspended.reason(), envelope.occurredAt(), envelope.id());
    }

    void reinstated(AccountReinstated reinstated, EventEnvelope envelope) {
        accounts.reinstated(reinstated.userId(), envelope.occurredAt(), envelope.id());
    }
}
