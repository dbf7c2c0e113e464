package dev.paas.metrics.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as its reader sees it.
 *
 * @param id the alert
 * @param kind what fired
 * @param severity {@code WARNING} or {@code CRITICAL}
 * @param state {@code OPEN} or {@code RESOLVED}
 * @param ownerId whose it is, {@code null} for a platform alert
 * @param projectId the project it is about, or {@code null}
 * @param databaseId the database it is about, or {@code null}
 * @param containerId the container it is about, or {@code null}
 * @param message what is wrong, updated while it persists
 * @param lastValue the last measured value (a percentage) of a threshold alert, or {@code null}
 * @param openings how often it opened (a re-opening within the flap window counts)
 * @param openedAt when it first opened
 * @param lastSeenAt when its condition was last seen
 * @param resolvedAt when it resolved, {@code null} while open
 * @param resolveReason why it resolved
 */
public record Alert(UUID id, AlertKind kind, String severity, String state, UUID ownerId, UUID projectId,
        UUID databaseId, String containerId, String message, Double lastValue, int openings, Instant openedAt,
        Instant lastSeenAt, Instant resolvedAt, String resolveReason) {

    static final String OPEN = "OPEN";
    static final String RESOLVED = "RESOLVED";
}
