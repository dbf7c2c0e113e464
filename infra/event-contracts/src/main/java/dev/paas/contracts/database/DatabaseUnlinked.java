package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/**
 * A database is no longer linked to a project: its owner unlinked it, the database was deleted, or the project was.
 * The project's containers lose {@code variableNames} on their next deployment or restart.
 *
 * @param databaseId the database
 * @param projectId the project it was linked to
 * @param ownerId the user who owns both
 * @param prefix the prefix of the variables it gave
 * @param variableNames the names the project no longer receives
 * @param reason why ({@code unlinked by its owner}, {@code database deleted}, {@code project deleted})
 * @param actorId the user who asked for it, {@code null} when the platform did it by itself
 */
@EventType(name = "database.database-unlinked", version = 1)
public record DatabaseUnlinked(UUID databaseId, UUID projectId, UUID ownerId, String prefix,
        List<String> variableNames, String reason, UUID actorId) implements IntegrationEvent {

    public DatabaseUnlinked {
        variableNames = variableNames == null ? List.of() : List.copyOf(variableNames);
    }

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
