package dev.paas.database.backups;

import java.time.Instant;
import java.util.UUID;

/**
 * One backup of a database: QUEUED until a worker claims it, RUNNING while its dump streams into the store, then
 * COMPLETED (with its size and SHA-256) or FAILED (with the reason). It lives until {@code expiresAt}.
 */
record Backup(UUID id, UUID databaseId, UUID ownerId, String trigger, String status, String storeKey, Long sizeBytes,
        String sha256, String reason, int retentionDays, Instant scheduledFor, int attempts, String leaseOwner, Instant createdAt,
        Instant startedAt, Instant completedAt, Instant expiresAt) {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";

    static final String MANUAL = "MANUAL";
    static final String SCHEDULED = "SCHEDULED";
    static final String SAFETY = "SAFETY";
    static final String UPLOAD = "UPLOAD";

    boolean completed() {
        return COMPLETED.equals(status);
    }

    BackupView view() {
        return new BackupView(id, databaseId, trigger, status, sizeBytes, sha256, reason, createdAt, completedAt,
                expiresAt);
    }
}
