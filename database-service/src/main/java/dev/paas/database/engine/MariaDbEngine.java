package dev.paas.database.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB, the {@code mysql} type (the official image's environment, which {@code paas/mariadb} accepts too). The
 * app's login owns the {@code app} database; root has the same password and runs the tools, so that dumps carry
 * routines and triggers with their definers.
 */
final class MariaDbEngine implements EngineDefinition {

    private static final String ROOT = "-h127.0.0.1 -uroot";

    @Override
    public DatabaseType type() {
        return DatabaseType.MYSQL;
    }

    @Override
    public String displayName() {
        return "MariaDB";
    }

    @Override
    public int port() {
        return 3306;
    }

    @Override
    public String dataDir() {
        return "/var/lib/mysql";
    }

    @Override
    public List<String> environment(Credentials credentials) {
        return List.of("MARIADB_ROOT_PASSWORD=" + credentials.password(), "MARIADB_DATABASE=" + credentials.database(),
                "MARIADB_USER=" + credentials.user(), "MARIADB_PASSWORD=" + credentials.password());
    }

    @Override
    public List<String> command(Credentials credentials) {
        return List.of();
    }

    @Override
    public EngineCommand ready(Credentials credentials) {
        return EngineCommand.shell("mariadb", "mariadb -h127.0.0.1 -u\"$PAAS_USER\" -e 'SELECT 1' \"$PAAS_DATABASE\"",
                env(credentials));
    }

    @Override
    public EngineCommand dump(Credentials credentials) {
        return EngineCommand.shell("mariadb-dump", "mariadb-dump " + ROOT
                + " --single-transaction --routines --triggers \"$PAAS_DATABASE\"", env(credentials));
    }

    @Override
    public EngineCommand load(Credentials credentials, String file, byte[] head) {
        return EngineCommand.shell("mariadb", "mariadb " + ROOT + " \"$PAAS_DATABASE\" < " + file, env(credentials));
    }

    /*
     * Two switches: read_only stops the open sessions of the app's login at once (it has no READ ONLY ADMIN), and the
     * grants narrowed to reading keep it so across restarts of the engine.
     */
    @Override
    public List<EngineCommand> refuseWrites(Credentials credentials, boolean refuse) {
        String database = EngineDefinition.identifier(credentials.database(), '`');
        String user = "'" + credentials.user().replace("'", "''") + "'@'%'";
        String sql = refuse
                ? "REVOKE ALL PRIVILEGES ON " + database + ".* FROM " + user + "; GRANT SELECT, SHOW VIEW, EXECUTE ON "
                        + database + ".* TO " + user + "; SET GLOBAL read_only = ON;"
                : "REVOKE ALL PRIVILEGES ON " + database + ".* FROM " + user + "; GRANT ALL PRIVILEGES ON " + database
                        + ".* TO " + user + "; SET GLOBAL read_only = OFF;";
        List<String> env = new ArrayList<>(env(credentials));
        env.add("PAAS_SQL=" + sql);
        return List.of(EngineCommand.shell("mariadb", "mariadb " + ROOT + " -e \"$PAAS_SQL\"", env));
    }

    @Override
    public String url(String host, Credentials credentials) {
        return "mysql://" + credentials.user() + ":" + credentials.password() + "@" + host + ":" + port() + "/"
                + credentials.database();
    }

    private static List<String> env(Credentials credentials) {
        return List.of("MYSQL_PWD=" + credentials.password(), "PAAS_USER=" + credentials.user(),
                "PAAS_DATABASE=" + credentials.database());
    }
}
