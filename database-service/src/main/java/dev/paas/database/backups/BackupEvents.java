package dev.paas.database.backups;

import java.time.Instant;
import java.util.UUID;

/** What happened to backups and restores; published synchronously inside the transaction that recorded it. */
public final class BackupEvents {

    private BackupEvents() {
    }

    /** A backup is in the store, checked. */
    public record Completed(UUID backupId, UUID databaseId, UUID ownerId, String trigger, long sizeBytes,
            String sha256, Instant expiresAt) {
    }

    /** A backup could not be taken; nothing of it is kept. */
    public record Failed(UUID backupId, UUID databaseId, UUID ownerId, String trigger, String reason) {
    }

    /** A restore replaced a database's data. {@code backupId} is {@code null} for an uploaded dump. */
    public record Restored(UUID databaseId, UUID ownerId, UUID backupId, UUID safetyBackupId, String source,
            UUID actorId) {
    }
}
