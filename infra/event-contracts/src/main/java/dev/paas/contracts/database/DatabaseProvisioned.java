package dev.paas.contracts.database;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A managed database is up for the first time: its container passed its health check. Emitted by database-service
 * once per database. Carries no credential.
 *
 * @param databaseId the database
 * @param ownerId the user who owns it
 * @param name its name, unique per owner ({@code shop-db})
 * @param type {@code postgresql}, {@code mysql}, {@code mongodb} or {@code redis}
 * @param version the engine version ({@code 15})
 * @param image the container image it runs
 * @param memoryBytes the container's memory limit
 * @param nanoCpus the container's CPU limit, in billionths of a CPU
 * @param diskQuotaBytes the disk quota of its data
 */
@EventType(name = "database.database-provisioned", version = 1)
public record DatabaseProvisioned(UUID databaseId, UUID ownerId, String name, String type, String version,
        String image, long memoryBytes, long nanoCpus, long diskQuotaBytes) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return databaseId.toString();
    }
}
