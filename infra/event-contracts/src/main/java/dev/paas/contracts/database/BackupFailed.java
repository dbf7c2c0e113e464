package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A backup of a database could not be taken or stored; nothing of it is kept.
 *
 * @param backupId the backup
 * @param databaseId the database it was of
 * @param ownerId the user who owns the database
 * @param trigger {@code SCHEDULED}, {@code MANUAL} or {@code SAFETY}
 * @param reason what went wrong, for its owner
 */
@EventType(name = "database.backup-failed", version = 1)
public record BackupFailed(UUID backupId, UUID databaseId, UUID ownerId, String trigger, String reason)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return databaseId.toString();
    }
}
