package dev.paas.contracts.metrics;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * An open alert resolved by itself: its condition cleared (memory back under the threshold, the app healthy again,
 * the next backup completed). Emitted by metrics-service once per alert.
 *
 * @param alertId the alert
 * @param ownerId the user it concerned, {@code null} for a platform alert
 * @param kind the kind of {@link AlertRaised}
 * @param projectId the project it was about, or {@code null}
 * @param databaseId the database it was about, or {@code null}
 * @param reason why it resolved ({@code memory at 41 % of its limit})
 */
@EventType(name = "metrics.alert-resolved", version = 1)
public record AlertResolved(UUID alertId, UUID ownerId, String kind, UUID projectId, UUID databaseId, String reason)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return alertId.toString();
    }
}
