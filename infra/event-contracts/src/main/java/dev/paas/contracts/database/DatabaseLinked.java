package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/**
 * A database was linked to a project: the project's containers get {@code variableNames} on their next deployment
 * or restart. The values (credentials among them) never travel in clear text: {@code sealedVariables} is a JSON
 * object of name to value sealed ({@code dev.paas.sealing}) under {@code PAAS_DATABASE_LINK_KEY}, which only
 * database-service and runtime-service have, with the purpose {@code database-link:<projectId>:<databaseId>}.
 * Emitted again, with the same names, when the values change.
 *
 * @param databaseId the database
 * @param projectId the project it is linked to
 * @param ownerId the user who owns both
 * @param type the database's engine type
 * @param prefix the prefix of the variables ({@code DATABASE})
 * @param variableNames the names the project receives ({@code DATABASE_URL}, {@code DATABASE_HOST}, …)
 * @param sealedVariables the sealed JSON object of the variables
 * @param actorId the user who linked it
 */
@EventType(name = "database.database-linked", version = 1)
public record DatabaseLinked(UUID databaseId, UUID projectId, UUID ownerId, String type, String prefix,
        List<String> variableNames, String sealedVariables, UUID actorId) implements IntegrationEvent {

    public DatabaseLinked {
        variableNames = variableNames == null ? List.of() : List.copyOf(variableNames);
    }

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
