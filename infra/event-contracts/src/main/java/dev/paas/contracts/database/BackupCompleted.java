package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A backup of a database was written to the backup store and checked.
 *
 * @param backupId the backup
 * @param databaseId the database it is of
 * @param ownerId the user who owns the database
 * @param trigger {@code SCHEDULED}, {@code MANUAL} or {@code SAFETY} (taken right before a restore)
 * @param sizeBytes its size in the store
 * @param sha256 the SHA-256 of its bytes, hex
 * @param expiresAt when retention removes it
 */
@EventType(name = "database.backup-completed", version = 1)
public record BackupCompleted(UUID backupId, UUID databaseId, UUID ownerId, String trigger, long sizeBytes,
        String sha256, Instant expiresAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return databaseId.toString();
    }
}
