package dev.paas.database.engine;

import java.util.List;

/**
 * Writes and reads through an engine's own client inside its container, as an app would: values in a table
 * {@code t} (PostgreSQL, MariaDB) or a set {@code t} (Redis).
 */
final class EngineClients {

    private EngineClients() {
    }

    /** Adds {@code value}; false when the engine refused the write. */
    static boolean write(DatabaseSpec spec, String value) {
        Credentials c = spec.credentials();
        return switch (spec.type()) {
            case POSTGRESQL -> EngineTestSupport.exec(spec.containerName(), List.of("PGPASSWORD=" + c.password()),
                    "psql", "-h", "127.0.0.1", "-U", c.user(), "-d", c.database(), "-v", "ON_ERROR_STOP=1", "-c",
                    "CREATE TABLE IF NOT EXISTS t (v text); INSERT INTO t VALUES ('" + value + "')").exitCode() == 0;
            case MYSQL -> EngineTestSupport.exec(spec.containerName(), List.of("MYSQL_PWD=" + c.password()),
                    "mariadb", "-h127.0.0.1", "-u" + c.user(), c.database(), "-e",
                    "CREATE TABLE IF NOT EXISTS t (v varchar(40)); INSERT INTO t VALUES ('" + value + "')")
                    .exitCode() == 0;
            case REDIS -> EngineTestSupport.exec(spec.containerName(), List.of("REDISCLI_AUTH=" + c.password()),
                    "redis-cli", "--no-auth-warning", "SADD", "t", value).text().strip().matches("\\d+");
            case MONGODB -> throw new UnsupportedOperationException("no MongoDB here");
        };
    }

    /** The values, sorted, joined with commas. */
    static String read(DatabaseSpec spec) {
        Credentials c = spec.credentials();
        return switch (spec.type()) {
            case POSTGRESQL -> EngineTestSupport.exec(spec.containerName(), List.of("PGPASSWORD=" + c.password()),
                    "psql", "-h", "127.0.0.1", "-U", c.user(), "-d", c.database(), "-tAc",
                    "SELECT string_agg(v, ',' ORDER BY v) FROM t").text().strip();
            case MYSQL -> EngineTestSupport.exec(spec.containerName(), List.of("MYSQL_PWD=" + c.password()),
                    "mariadb", "-h127.0.0.1", "-u" + c.user(), c.database(), "-N", "-e",
                    "SELECT group_concat(v ORDER BY v) FROM t").text().strip();
            case REDIS -> String.join(",", EngineTestSupport.exec(spec.containerName(),
                    List.of("REDISCLI_AUTH=" + c.password()), "redis-cli", "--no-auth-warning", "SMEMBERS", "t")
                    .text().strip().lines().sorted().toList());
            case MONGODB -> throw new UnsupportedOperationException("no MongoDB here");
        };
    }
}
