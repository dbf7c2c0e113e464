package dev.paas.metrics.messaging;

import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.billing.WalletLow;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.metrics.billing.BillingNotices;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Turns billing-service's facts about an account (a low balance, a suspension, a reinstatement) into notices to the
 * account's owner, keyed by the fact's event id. Its own durable consumer and processed-event records.
 */
@Configuration(proxyBeanMethods = false)
class BillingFactListeners {

    private static final String CONSUMER = "metrics-service-billing";

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventSubscriptions subscriptions, BillingNotices notices) {
        return subscriptions.consumer(CONSUMER)
                .on(WalletLow.class, (event, envelope) -> notices.walletLow(envelope.id(), event.userId(),
                        event.balance(), event.currency(), event.threshold(), event.hourlyBurn(),
                        envelope.occurredAt()))
                .on(AccountSuspended.class, (event, envelope) -> notices.accountSuspended(envelope.id(),
                        event.userId(), event.balance(), event.currency(), event.reason(), envelope.occurredAt()))
                .on(AccountReinstated.class, (event, envelope) -> notices.accountReinstated(envelope.id(),
                        event.userId(), event.balance(), event.currency(), envelope.occurredAt()))
                .build();
    }
}
