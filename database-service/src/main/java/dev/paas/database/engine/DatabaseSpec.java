package dev.paas.database.engine;

import java.util.UUID;

/**
 * Everything the engines need to run one managed database's container. Built by the lifecycle from its stored row.
 *
 * @param databaseId the database
 * @param ownerId its owner: the container joins the owner's private network only
 * @param type the engine
 * @param version the engine version ({@code 15})
 * @param image the image resolved at creation ({@link DatabaseEngines#resolve})
 * @param containerName the container's name, {@code paas-db-<id>} ({@link #containerNameOf})
 * @param volume the named volume holding the data (it changes when a restore swaps in restored data)
 * @param networkAlias the host name apps of the owner reach it at, {@code db-<first 12 hex digits>}
 * @param credentials what apps log in with (the engine's admin login is the same user)
 * @param memoryBytes the container's memory limit
 * @param nanoCpus the container's CPU limit, in billionths of a CPU
 * @param diskQuotaBytes the quota of the data on disk
 * @param externalAccess whether the port is also published on a loopback port of the host
 */
public record DatabaseSpec(UUID databaseId, UUID ownerId, DatabaseType type, String version, String image,
        String containerName, String volume, String networkAlias, Credentials credentials, long memoryBytes,
        long nanoCpus, long diskQuotaBytes, boolean externalAccess) {

    public static String containerNameOf(UUID databaseId) {
        return "paas-db-" + databaseId;
    }

    public static String networkAliasOf(UUID databaseId) {
        return "db-" + databaseId.toString().replace("-", "").substring(0, 12);
    }

    /** The first volume of a database; a restore's volumes are {@code <first>-r<n>}. */
    public static String firstVolumeOf(UUID databaseId) {
        return "paas-db-" + databaseId;
    }

    public DatabaseSpec withVolume(String otherVolume) {
        return new DatabaseSpec(databaseId, ownerId, type, version, image, containerName, otherVolume, networkAlias,
                credentials, memoryBytes, nanoCpus, diskQuotaBytes, externalAccess);
    }

    public DatabaseSpec withContainerName(String otherName) {
        return new DatabaseSpec(databaseId, ownerId, type, version, image, otherName, volume, networkAlias,
                credentials, memoryBytes, nanoCpus, diskQuotaBytes, externalAccess);
    }
}
