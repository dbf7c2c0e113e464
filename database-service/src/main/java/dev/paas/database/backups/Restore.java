package dev.paas.database.backups;

import java.time.Instant;
import java.util.UUID;

/**
 * A restore of a database from one of its backups (or an uploaded dump, stored as an UPLOAD backup first):
 * VERIFYING (checksum, load into a scratch volume, hand-over), BACKING_UP (the safety backup), SWAPPING (the
 * container moves to the new volume), then COMPLETED or FAILED. The step is persisted so that a replica taking over
 * an abandoned restore knows what to roll back.
 */
record Restore(UUID id, UUID databaseId, UUID ownerId, UUID actorId, UUID backupId, String source, String status,
        String reason, UUID safetyBackupId, int volumeNumber, int attempts, Instant createdAt, Instant completedAt) {

    static final String VERIFYING = "VERIFYING";
    static final String BACKING_UP = "BACKING_UP";
    static final String SWAPPING = "SWAPPING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";

    RestoreView view() {
        return new RestoreView(id, databaseId, "UPLOAD".equals(source) ? null : backupId, source, status, reason,
                safetyBackupId, createdAt, completedAt);
    }
}
