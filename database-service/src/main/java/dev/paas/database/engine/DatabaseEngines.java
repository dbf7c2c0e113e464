package dev.paas.database.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * The data plane of managed databases: the engines' containers, volumes, tools and images, over docker-java. Every
 * method is safe to repeat (a second {@code start} of a running container, a {@code remove} of a missing one, are
 * no-ops), so the lifecycle can retry after a restart of itself. Nothing here touches database-service's own
 * tables.
 */
public interface DatabaseEngines {

    /** The versions offered for {@code type}, the default first. */
    List<String> versions(DatabaseType type);

    /**
     * The image for {@code type} and {@code version} ({@code null}: the default): the first configured candidate
     * that is on this host, else the first that can be pulled. Throws {@link EngineUnavailable} with a message for
     * the user when there is none, or the version is not offered.
     */
    String resolve(DatabaseType type, String version);

    /**
     * Creates the spec's volume and container unless they exist, and starts it: the engine initialised with the
     * spec's credentials on an empty volume, the limits applied, attached to the owner's network only (with the
     * spec's alias), published on a loopback port when external access is on. Returns without waiting for it to
     * accept connections ({@link #ready}).
     */
    void start(DatabaseSpec spec);

    /** Whether the engine in the running container accepts the spec's credentials (its own client, inside it). */
    boolean ready(DatabaseSpec spec);

    ContainerStatus status(String containerName);

    /** Stops the container (the engine's own stop signal, then SIGKILL after {@code grace}); a missing one is fine. */
    void stop(String containerName, Duration grace);

    /** Removes the container (not its volume); a missing one is fine. */
    void remove(String containerName);

    /** Removes the volume; a missing one is fine. */
    void removeVolume(String volume);

    /** How the owner's apps reach the database, including the external port when it is published. */
    ConnectionInfo connection(DatabaseSpec spec);

    /** The bytes the data occupies on its volume. */
    long usageBytes(DatabaseSpec spec);

    /**
     * Refuses (or allows again) writes where the engine allows: PostgreSQL and MariaDB are made read-only for the
     * app's login, Redis gets a {@code maxmemory} with {@code noeviction}; MongoDB is only warned about.
     */
    void refuseWrites(DatabaseSpec spec, boolean refuse);

    /**
     * Streams a complete dump of the running database to {@code out} with the engine's own tool ({@code pg_dump},
     * {@code mysqldump}, {@code mongodump --archive}, Redis's RDB); throws {@link DumpRejected} when the tool fails.
     */
    void dump(DatabaseSpec spec, OutputStream out);

    /**
     * Loads {@code dump} into a new, scratch database: a container of the spec's image and credentials on the new
     * volume {@code scratchVolume}, named {@code <container>-scratch}. Returns once the dump loaded and the engine
     * answers on it, with the scratch container removed and the volume kept: starting the spec
     * {@code withVolume(scratchVolume)} then serves the loaded data. Throws {@link DumpRejected} (with the scratch
     * container and volume removed) when the dump does not load; the database itself is never touched.
     */
    void loadIntoNewVolume(DatabaseSpec spec, InputStream dump, String scratchVolume);

    /** The last {@code lines} lines the container wrote, oldest first (empty when it is missing). */
    List<String> lastLogLines(String containerName, int lines);
}
