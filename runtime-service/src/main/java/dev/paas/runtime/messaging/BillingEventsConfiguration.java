package dev.paas.runtime.messaging;

import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.accounts.AccountLimits;
import dev.paas.runtime.accounts.Accounts;
import dev.paas.runtime.rollout.AppLifecycle;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens to billing ({@code paas.billing}, binding {@code billingEvents-in-0}): an account's plan limits are kept
 * (apps over a smaller plan's instances are scaled down to it); a suspended account's apps are suspended
 * (containers stopped, images and data kept, their URLs answer the 402 "paused" page), and on its reinstatement
 * they get back what their owner had asked for. Only an event newer than the one the stored state came from
 * changes anything, so a late or replayed older one is a no-op.
 */
@Configuration(proxyBeanMethods = false)
class BillingEventsConfiguration {

    private static final Log log = LogFactory.getLog(BillingEventsConfiguration.class);

    private final Accounts accounts;
    private final AppLifecycle apps;

    BillingEventsConfiguration(Accounts accounts, AppLifecycle apps) {
        this.accounts = accounts;
        this.apps = apps;
    }

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(BuildEventsConfiguration.CONSUMER)
                .on(AccountLimitsChanged.class, this::limitsChanged)
                .on(AccountSuspended.class, this::suspended)
                .on(AccountReinstated.class, this::reinstated)
                .build();
    }

    void limitsChanged(AccountLimitsChanged event, EventEnvelope envelope) {
        AccountLimits limits = new AccountLimits(event.userId(), event.planName(), event.cpuMillis(),
                event.memoryMb(), event.maxInstances(), event.allowedRuntimes());
        if (!accounts.limitsChanged(limits, envelope.occurredAt(), envelope.id())) {
            log.info("account " + event.userId() + ": limits of " + envelope.occurredAt()
                    + " are older than the ones kept; ignored");
            return;
        }
        log.info("account " + event.userId() + " is on the " + event.planName() + " plan; scaled down to its "
                + "instances: " + apps.planChanged(limits));
    }

    void suspended(AccountSuspended event, EventEnvelope envelope) {
        if (!accounts.standingChanged(event.userId(), true, envelope.occurredAt(), envelope.id())) {
            log.info("account " + event.userId() + ": suspension of " + envelope.occurredAt() + " is older than "
                    + "its last standing; ignored");
            return;
        }
        log.info("account " + event.userId() + " suspended (" + event.reason() + "): suspending apps "
                + apps.suspendAccount(event.userId(), "its account's balance is due"));
    }

    void reinstated(AccountReinstated event, EventEnvelope envelope) {
        if (!accounts.standingChanged(event.userId(), false, envelope.occurredAt(), envelope.id())) {
            log.info("account " + event.userId() + ": reinstatement of " + envelope.occurredAt() + " is older "
                    + "than its last standing; ignored");
            return;
        }
        log.info("account " + event.userId() + " reinstated: giving back apps "
                + apps.reinstateAccount(event.userId()));
    }
}
