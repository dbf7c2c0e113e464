package dev.paas.database.messaging;

import dev.paas.contracts.database.BackupCompleted;
import dev.paas.contracts.database.BackupFailed;
import dev.paas.contracts.database.DatabaseRestored;
import dev.paas.database.backups.BackupEvents;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns backup events into the published contracts, synchronously, so the outbox row commits with the backup or
 * restore row that changed.
 */
@Component
class BackupEventsPublisher {

    private final Outbox outbox;

    BackupEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(BackupEvents.Completed completed) {
        outbox.append(new BackupCompleted(completed.backupId(), completed.databaseId(), completed.ownerId(),
                completed.trigger(), completed.sizeBytes(), completed.sha256(), completed.expiresAt()));
    }

    @EventListener
    void on(BackupEvents.Failed failed) {
        outbox.append(new BackupFailed(failed.backupId(), failed.databaseId(), failed.ownerId(), failed.trigger(),
                failed.reason()));
    }

    @EventListener
    void on(BackupEvents.Restored restored) {
        outbox.append(new DatabaseRestored(restored.databaseId(), restored.ownerId(), restored.backupId(),
                restored.safetyBackupId(), restored.source(), restored.actorId()));
    }
}
