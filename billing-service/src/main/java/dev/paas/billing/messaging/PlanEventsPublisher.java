package dev.paas.billing.messaging;

import dev.paas.billing.plans.PlanEvents;
import dev.paas.billing.plans.PlanLimits;
import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a change of an account's limits into {@code AccountLimitsChanged}, synchronously, so the outbox row commits
 * with the plan change or not at all.
 */
@Component
class PlanEventsPublisher {

    private final Outbox outbox;

    PlanEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PlanEvents.LimitsChanged changed) {
        PlanLimits limits = changed.limits();
        outbox.append(new AccountLimitsChanged(changed.userId(), changed.planId(), changed.planName(),
                limits.cpuMillis(), limits.memoryMb(), limits.diskMb(), limits.maxInstances(), limits.maxApps(),
                limits.maxDatabasesPerType(), limits.databaseDiskMb(), limits.allowedRuntimes()));
    }
}
