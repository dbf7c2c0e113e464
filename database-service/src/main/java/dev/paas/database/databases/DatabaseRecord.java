package dev.paas.database.databases;

import dev.paas.database.engine.Credentials;
import dev.paas.database.engine.DatabaseSpec;
import dev.paas.database.engine.DatabaseType;
import dev.paas.problems.Conflict;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code databases}: a managed database as the lifecycle stores it (credentials sealed). */
record DatabaseRecord(UUID id, UUID ownerId, String name, DatabaseType type, String version, String image,
        DatabaseState state, String reason, String container, String volume, int volumeGeneration,
        String credentialsSealed, long memoryBytes, long nanoCpus, long diskQuotaBytes, boolean externalAccess,
        long usageBytes, boolean quotaExceeded, Instant restartAfter, Instant createdAt) {

    ManagedDatabase managed() {
        return new ManagedDatabase(id, ownerId, name, type, version, state.name(), createdAt);
    }

    DatabaseSpec spec(Credentials credentials) {
        return new DatabaseSpec(id, ownerId, type, version, image, container, volume,
                DatabaseSpec.networkAliasOf(id), credentials, memoryBytes, nanoCpus, diskQuotaBytes, externalAccess);
    }

    /** The owner may stop a running database (or one in a crash loop, whose container is already stopped). */
    void requireStoppable() {
        if (state != DatabaseState.RUNNING) {
            throw new Conflict("cannot stop database " + name + ": it is " + state);
        }
    }

    /** The owner may start a stopped database, or one in a crash loop (which clears it). */
    void requireStartable() {
        if (state != DatabaseState.STOPPED && state != DatabaseState.CRASH_LOOP) {
            throw new Conflict("cannot start database " + name + ": it is " + state);
        }
    }

    /** Links need the database's container: it must have been provisioned. */
    void requireLinkable() {
        if (!state.provisioned()) {
            throw new Conflict("cannot link database " + name + ": it is " + state
                    + (state == DatabaseState.PROVISIONING ? "; link it once it is RUNNING" : ""));
        }
    }

    /** Every volume the database has had: the first one and each restored one. */
    java.util.List<String> volumes() {
        var volumes = new java.util.LinkedHashSet<String>();
        String first = DatabaseSpec.firstVolumeOf(id);
        volumes.add(first);
        for (int n = 1; n <= volumeGeneration; n++) {
            volumes.add(first + "-r" + n);
        }
        volumes.add(volume);
        return java.util.List.copyOf(volumes);
    }
}
