package dev.paas.runtime.messaging;

import dev.paas.contracts.runtime.EnvironmentChanged;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.runtime.environment.EnvironmentEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns changes of a project's environment into {@code EnvironmentChanged}, keys only, in the outbox of the
 * transaction that made the change.
 */
@Component
class EnvironmentEventsPublisher {

    private final Outbox outbox;

    EnvironmentEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(EnvironmentEvents.Changed changed) {
        outbox.append(new EnvironmentChanged(changed.projectId(), changed.ownerId(), changed.actorId(),
                changed.action().name(), changed.keys()));
    }
}
