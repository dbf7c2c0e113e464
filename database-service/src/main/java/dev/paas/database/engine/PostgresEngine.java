package dev.paas.database.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL (the official image's environment, which {@code paas/postgres} accepts too). The app's login is the
 * superuser; dumps are {@code pg_dump}'s custom format, loads take it or plain SQL.
 */
final class PostgresEngine implements EngineDefinition {

    private static final byte[] CUSTOM_FORMAT_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final String CONNECT = "-h 127.0.0.1 -U \"$PGUSER\" -d \"$PGDATABASE\"";

    @Override
    public DatabaseType type() {
        return DatabaseType.POSTGRESQL;
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public int port() {
        return 5432;
    }

    @Override
    public String dataDir() {
        return "/var/lib/postgresql/data";
    }

    @Override
    public List<String> environment(Credentials credentials) {
        return List.of("POSTGRES_USER=" + credentials.user(), "POSTGRES_PASSWORD=" + credentials.password(),
                "POSTGRES_DB=" + credentials.database(), "PGDATA=" + dataDir());
    }

    @Override
    public List<String> command(Credentials credentials) {
        return List.of();
    }

    @Override
    public EngineCommand ready(Credentials credentials) {
        return EngineCommand.shell("psql", "psql " + CONNECT + " -tAc 'SELECT 1'", env(credentials));
    }

    @Override
    public EngineCommand dump(Credentials credentials) {
        return EngineCommand.shell("pg_dump", "pg_dump -Fc " + CONNECT, env(credentials));
    }

    @Override
    public EngineCommand load(Credentials credentials, String file, byte[] head) {
        if (customFormat(head)) {
            return EngineCommand.shell("pg_restore", "pg_restore --exit-on-error --no-owner " + CONNECT + " " + file,
                    env(credentials));
        }
        return EngineCommand.shell("psql", "psql -q -v ON_ERROR_STOP=1 --single-transaction " + CONNECT + " -f " + file
                + " >/dev/null", env(credentials));
    }

    static boolean customFormat(byte[] head) {
        return head.length >= CUSTOM_FORMAT_MAGIC.length
                && Arrays.equals(head, 0, CUSTOM_FORMAT_MAGIC.length, CUSTOM_FORMAT_MAGIC, 0,
                        CUSTOM_FORMAT_MAGIC.length);
    }

    /*
     * The app's login becomes read-only by default for new sessions; its open sessions are ended so that they
     * reconnect under the new default. The command itself runs with read-only off, or it could not undo it.
     */
    @Override
    public List<EngineCommand> refuseWrites(Credentials credentials, boolean refuse) {
        String role = EngineDefinition.identifier(credentials.user(), '"');
        String sql = refuse
                ? "ALTER ROLE " + role + " SET default_transaction_read_only = on;"
                        + " SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE usename = current_user AND pid <> pg_backend_pid();"
                : "ALTER ROLE " + role + " RESET default_transaction_read_only;";
        List<String> env = new java.util.ArrayList<>(env(credentials));
        env.add("PGOPTIONS=-c default_transaction_read_only=off");
        env.add("PAAS_SQL=" + sql);
        return List.of(EngineCommand.shell("psql", "psql -q -v ON_ERROR_STOP=1 " + CONNECT + " -c \"$PAAS_SQL\"",
                env));
    }

    @Override
    public String url(String host, Credentials credentials) {
        return "postgresql://" + credentials.user() + ":" + credentials.password() + "@" + host + ":" + port() + "/"
                + credentials.database();
    }

    private static List<String> env(Credentials credentials) {
        return List.of("PGUSER=" + credentials.user(), "PGPASSWORD=" + credentials.password(),
                "PGDATABASE=" + credentials.database());
    }
}
