package dev.paas.contracts.metrics;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * An alert opened: a rule's condition started to hold (a container at 90 % of its memory limit for 5 minutes, a
 * crash loop, a failed deployment or backup, a host at 85 %). Emitted by metrics-service once per opening; while
 * the condition persists the alert is updated, not raised again.
 *
 * @param alertId the alert
 * @param ownerId the user it concerns, {@code null} for a platform alert (the host's capacity), which administrators see
 * @param kind what fired: {@code CONTAINER_MEMORY}, {@code CONTAINER_CPU}, {@code CRASH_LOOP}, {@code DEPLOYMENT_FAILED},
 *        {@code BACKUP_FAILED}, {@code HOST_CPU}, {@code HOST_MEMORY} or {@code HOST_DISK}
 * @param severity {@code WARNING} or {@code CRITICAL}
 * @param projectId the project it is about, or {@code null}
 * @param databaseId the database it is about, or {@code null}
 * @param message what is wrong, for its reader ({@code memory at 94 % of its 256 MB limit for 5 minutes})
 */
@EventType(name = "metrics.alert-raised", version = 1)
public record AlertRaised(UUID alertId, UUID ownerId, String kind, String severity, UUID projectId, UUID databaseId,
        String message) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return alertId.toString();
    }
}
