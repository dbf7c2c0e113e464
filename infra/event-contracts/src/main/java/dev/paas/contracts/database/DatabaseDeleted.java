package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A database was deleted by its owner: its container and volume are gone, its links were removed (each with a
 * {@code DatabaseUnlinked}), and its last backup is kept until its retention ends.
 *
 * @param databaseId the database
 * @param ownerId the user who owned it
 * @param name its name
 * @param type its engine type
 * @param lastBackupId the backup kept, or {@code null} when it had none
 * @param actorId the user who deleted it
 */
@EventType(name = "database.database-deleted", version = 1)
public record DatabaseDeleted(UUID databaseId, UUID ownerId, String name, String type, UUID lastBackupId,
        UUID actorId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return databaseId.toString();
    }
}
