package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A managed database could not be provisioned (its image is missing, its container never became healthy) and is
 * {@code FAILED}; whatever was created for it was removed.
 *
 * @param databaseId the database
 * @param ownerId the user who owns it
 * @param name its name
 * @param type its engine type
 * @param reason what went wrong, for its owner
 */
@EventType(name = "database.database-failed", version = 1)
public record DatabaseFailed(UUID databaseId, UUID ownerId, String name, String type, String reason)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return databaseId.toString();
    }
}
