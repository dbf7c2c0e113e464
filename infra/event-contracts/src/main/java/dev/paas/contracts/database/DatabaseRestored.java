package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A database's data was replaced by a verified backup or an uploaded dump, after a safety backup of the data it
 * replaced.
 *
 * @param databaseId the database
 * @param ownerId the user who owns it
 * @param backupId the backup restored, or {@code null} for an uploaded dump
 * @param safetyBackupId the backup taken right before, which restores the replaced data
 * @param source {@code BACKUP} or {@code UPLOAD}
 * @param actorId the user who asked for it
 */
@EventType(name = "database.database-restored", version = 1)
public record DatabaseRestored(UUID databaseId, UUID ownerId, UUID backupId, UUID safetyBackupId, String source,
        UUID actorId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return databaseId.toString();
    }
}
