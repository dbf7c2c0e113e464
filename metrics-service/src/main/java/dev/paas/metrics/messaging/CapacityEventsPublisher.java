package dev.paas.metrics.messaging;

import dev.paas.contracts.metrics.HostCapacityChanged;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.metrics.capacity.CapacityEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns admitting-state flips into {@code HostCapacityChanged}, synchronously, so the outbox row commits with the
 * compare-and-set on {@code host_capacity} that won the flip.
 */
@Component
class CapacityEventsPublisher {

    private final Outbox outbox;

    CapacityEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(CapacityEvents.AdmissionChanged changed) {
        outbox.append(new HostCapacityChanged(changed.host(), changed.admitting(), changed.cpuPercent(),
                changed.memoryPercent(), changed.diskPercent(), changed.thresholdPercent(), changed.reason()));
    }
}
