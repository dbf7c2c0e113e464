package dev.paas.database.messaging;

import dev.paas.contracts.database.DatabaseDeleted;
import dev.paas.contracts.database.DatabaseFailed;
import dev.paas.contracts.database.DatabaseLinked;
import dev.paas.contracts.database.DatabaseProvisioned;
import dev.paas.contracts.database.DatabaseStateChanged;
import dev.paas.contracts.database.DatabaseUnlinked;
import dev.paas.database.databases.DatabaseEvents;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the lifecycle's facts into the published contracts, synchronously, so the outbox row commits with the
 * change or not at all.
 */
@Component
class DatabaseEventsPublisher {

    private final Outbox outbox;

    DatabaseEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(DatabaseEvents.Provisioned e) {
        outbox.append(new DatabaseProvisioned(e.databaseId(), e.ownerId(), e.name(), e.type(), e.version(), e.image(),
                e.memoryBytes(), e.nanoCpus(), e.diskQuotaBytes()));
    }

    @EventListener
    void on(DatabaseEvents.Failed e) {
        outbox.append(new DatabaseFailed(e.databaseId(), e.ownerId(), e.name(), e.type(), e.reason()));
    }

    @EventListener
    void on(DatabaseEvents.StateChanged e) {
        outbox.append(new DatabaseStateChanged(e.databaseId(), e.ownerId(), e.type(), e.state(), e.reason(),
                e.actorId()));
    }

    @EventListener
    void on(DatabaseEvents.Linked e) {
        outbox.append(new DatabaseLinked(e.databaseId(), e.projectId(), e.ownerId(), e.type(), e.prefix(),
                e.variableNames(), e.sealedVariables(), e.actorId()));
    }

    @EventListener
    void on(DatabaseEvents.Unlinked e) {
        outbox.append(new DatabaseUnlinked(e.databaseId(), e.projectId(), e.ownerId(), e.prefix(), e.variableNames(),
                e.reason(), e.actorId()));
    }

    @EventListener
    void on(DatabaseEvents.Deleted e) {
        outbox.append(new DatabaseDeleted(e.databaseId(), e.ownerId(), e.name(), e.type(), e.lastBackupId(),
                e.actorId()));
    }
}
