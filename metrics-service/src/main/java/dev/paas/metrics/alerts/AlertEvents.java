package dev.paas.metrics.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to alerts; published synchronously inside the transaction that changed the alert, so the outbox row
 * and the notification deliveries commit with it.
 */
public final class AlertEvents {

    private AlertEvents() {
    }

    /**
     * An alert opened, or re-opened within the flap window ({@code opening} counts from 1).
     */
    public record Raised(UUID alertId, int opening, UUID ownerId, AlertKind kind, String severity, UUID projectId,
            UUID databaseId, String message, Instant at) {
    }

    /** An open alert resolved: its condition cleared. */
    public record Resolved(UUID alertId, int opening, UUID ownerId, AlertKind kind, String severity,
            UUID projectId, UUID databaseId, String reason, Instant at) {
    }
}
