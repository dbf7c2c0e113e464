package dev.paas.database.backups;

import java.time.Instant;
import java.util.UUID;

/** A backup as its owner sees it through the API. */
public record BackupView(UUID id, UUID databaseId, String trigger, String status, Long sizeBytes, String sha256,
        String reason, Instant createdAt, Instant completedAt, Instant expiresAt) {
}
