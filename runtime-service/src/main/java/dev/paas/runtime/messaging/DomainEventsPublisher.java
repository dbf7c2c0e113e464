package dev.paas.runtime.messaging;

import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.runtime.domains.DomainEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns custom domain changes into the published contracts, synchronously, so the outbox row commits with the
 * change or not at all. project-service keeps them as the project's history.
 */
@Component
class DomainEventsPublisher {

    private final Outbox outbox;

    DomainEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(DomainEvents.Added added) {
        outbox.append(new DomainAdded(added.projectId(), added.ownerId(), added.actorId(), added.domain()));
    }

    @EventListener
    void on(DomainEvents.Removed removed) {
        outbox.append(new DomainRemoved(removed.projectId(), removed.ownerId(), removed.actorId(), removed.domain()));
    }
}
