package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * Whether a provisioned database runs changed: its owner stopped or started it, a crash loop stopped it, or a
 * restore briefly took it down. Emitted by database-service once per change, after it took effect; billing meters
 * a database while it is {@code RUNNING}.
 *
 * @param databaseId the database
 * @param ownerId the user who owns it
 * @param type its engine type
 * @param state {@code RUNNING}, {@code STOPPED}, {@code CRASH_LOOP} or {@code RESTORING}
 * @param reason what caused it ({@code stopped by its owner})
 * @param actorId the user who asked for it, {@code null} when the platform did it by itself
 */
@EventType(name = "database.database-state-changed", version = 1)
public record DatabaseStateChanged(UUID databaseId, UUID ownerId, String type, String state, String reason,
        UUID actorId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return databaseId.toString();
    }
}
