package dev.paas.database.backups;

import java.time.Instant;
import java.util.UUID;

/** A restore as its owner sees it through the API. */
public record RestoreView(UUID id, UUID databaseId, UUID backupId, String source, String status, String reason,
        UUID safetyBackupId, Instant createdAt, Instant completedAt) {
}
