package dev.paas.database.databases;

import java.util.List;
import java.util.UUID;

/**
 * Facts the lifecycle registers, published as Spring application events in the transaction of the change; the
 * messaging adapter turns them into the contracts in the outbox.
 */
public final class DatabaseEvents {

    private DatabaseEvents() {
    }

    /** The database accepts its credentials for the first time: {@code RUNNING}. */
    public record Provisioned(UUID databaseId, UUID ownerId, String name, String type, String version, String image,
            long memoryBytes, long nanoCpus, long diskQuotaBytes) {
    }

    /** Provisioning gave up; container and volume are removed. */
    public record Failed(UUID databaseId, UUID ownerId, String name, String type, String reason) {
    }

    /** The state changed after provisioning ({@code actorId} null when the platform changed it). */
    public record StateChanged(UUID databaseId, UUID ownerId, String type, String state, String reason,
            UUID actorId) {
    }

    /** A project receives the database's variables, sealed for runtime-service. */
    public record Linked(UUID databaseId, UUID projectId, UUID ownerId, String type, String prefix,
            List<String> variableNames, String sealedVariables, UUID actorId) {
    }

    /** A project no longer receives the database's variables. */
    public record Unlinked(UUID databaseId, UUID projectId, UUID ownerId, String prefix, List<String> variableNames,
            String reason, UUID actorId) {
    }

    /** The database, its container and volumes are gone; {@code lastBackupId} may restore it elsewhere. */
    public record Deleted(UUID databaseId, UUID ownerId, String name, String type, UUID lastBackupId,
            UUID actorId) {
    }
}
