package dev.paas.metrics.messaging;

import dev.paas.contracts.metrics.AlertRaised;
import dev.paas.contracts.metrics.AlertResolved;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.metrics.alerts.AlertEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns alert events into the published contracts, synchronously, so the outbox row commits with the alert change.
 */
@Component
class AlertEventsPublisher {

    private final Outbox outbox;

    AlertEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AlertEvents.Raised raised) {
        outbox.append(new AlertRaised(raised.alertId(), raised.ownerId(), raised.kind().name(), raised.severity(),
                raised.projectId(), raised.databaseId(), raised.message()));
    }

    @EventListener
    void on(AlertEvents.Resolved resolved) {
        outbox.append(new AlertResolved(resolved.alertId(), resolved.ownerId(), resolved.kind().name(),
                resolved.projectId(), resolved.databaseId(), resolved.reason()));
    }
}
