package dev.paas.database.engine;

import java.util.List;

/**
 * What one engine needs to run as a managed database: its environment and command, its data directory, and the
 * commands of its own tools for readiness, dumps, loads and the read-only switch. The commands connect over the
 * container's loopback with the database's own credentials.
 */
sealed interface EngineDefinition permits PostgresEngine, MariaDbEngine, RedisEngine, MongoEngine {

    DatabaseType type();

    /** The engine's name for users ({@code PostgreSQL}). */
    String displayName();

    int port();

    /** Where the engine keeps its data; the database's volume is mounted there. */
    String dataDir();

    List<String> environment(Credentials credentials);

    /** The entrypoint to use instead of the image's, or empty to keep it. */
    default List<String> entrypoint() {
        return List.of();
    }

    /** The command (the image's entrypoint arguments), or empty to keep the image's default. */
    List<String> command(Credentials credentials);

    /** The command of the scratch container a dump is loaded into. */
    default List<String> scratchCommand(Credentials credentials) {
        return command(credentials);
    }

    /** A command that succeeds once the engine accepts the credentials. */
    EngineCommand ready(Credentials credentials);

    /** Whether the ready command's output says ready (its exit code was 0). */
    default boolean readyOutput(String stdout) {
        return true;
    }

    /** A command that writes a complete dump to its stdout. */
    EngineCommand dump(Credentials credentials);

    /** Whether the dump is a file the engine reads as it starts (Redis's RDB) rather than one a tool loads. */
    default boolean loadsAtStart() {
        return false;
    }

    /** The file name of a dump the engine reads as it starts, inside {@link #dataDir()}. */
    default String startFileName() {
        throw new UnsupportedOperationException(displayName() + " loads its dumps with a tool");
    }

    /** A command that loads the dump in {@code file} (inside the container), whose first bytes are {@code head}. */
    EngineCommand load(Credentials credentials, String file, byte[] head);

    /** Commands run after the load: checks that the data is there, and making it durable. */
    default List<EngineCommand> afterLoad(Credentials credentials) {
        return List.of();
    }

    /** Commands that refuse writes of the app's login ({@code refuse}) or allow them again. */
    List<EngineCommand> refuseWrites(Credentials credentials, boolean refuse);

    String url(String host, Credentials credentials);

    static EngineDefinition of(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> new PostgresEngine();
            case MYSQL -> new MariaDbEngine();
            case MONGODB -> new MongoEngine();
            case REDIS -> new RedisEngine();
        };
    }

    /** {@code name} quoted as a PostgreSQL or MariaDB identifier with {@code quote}. */
    static String identifier(String name, char quote) {
        String q = String.valueOf(quote);
        return q + name.replace(q, q + q) + q;
    }
}
