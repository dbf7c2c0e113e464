package dev.paas.database.engine;

import java.util.List;

/**
 * Redis with a password and the append-only file in {@code /data}. The password reaches redis-server as a
 * configuration on its stdin (from the container's environment), so that it is on no command line. A dump is the
 * RDB snapshot; a load puts it into the new volume as {@code dump.rdb} before the engine starts, starts it without
 * the append-only file (so that it reads the RDB), then switches the append-only file on, which rewrites it from the
 * loaded data.
 */
final class RedisEngine implements EngineDefinition {

    private static final String SERVER = "exec redis-server - --bind 0.0.0.0 --port 6379 --protected-mode no"
            + " --dir /data --appendonly %s <<EOF\nrequirepass $PAAS_REDIS_PASSWORD\nEOF\n";
    private static final String CLI = "redis-cli -h 127.0.0.1 -p 6379 --no-auth-warning";

    @Override
    public DatabaseType type() {
        return DatabaseType.REDIS;
    }

    @Override
    public String displayName() {
        return "Redis";
    }

    @Override
    public int port() {
        return 6379;
    }

    @Override
    public String dataDir() {
        return "/data";
    }

    @Override
    public List<String> environment(Credentials credentials) {
        return List.of("PAAS_REDIS_PASSWORD=" + credentials.password());
    }

    @Override
    public List<String> entrypoint() {
        return List.of("sh", "-c");
    }

    @Override
    public List<String> command(Credentials credentials) {
        return List.of(SERVER.formatted("yes"));
    }

    @Override
    public List<String> scratchCommand(Credentials credentials) {
        return List.of(SERVER.formatted("no"));
    }

    @Override
    public EngineCommand ready(Credentials credentials) {
        return EngineCommand.shell("redis-cli", CLI + " PING", env(credentials));
    }

    @Override
    public boolean readyOutput(String stdout) {
        return stdout.strip().equals("PONG");
    }

    @Override
    public EngineCommand dump(Credentials credentials) {
        return EngineCommand.shell("redis-cli", "f=$(mktemp); " + CLI + " --rdb \"$f\" >&2 && cat \"$f\"; rc=$?;"
                + " rm -f \"$f\"; exit $rc", env(credentials));
    }

    @Override
    public boolean loadsAtStart() {
        return true;
    }

    @Override
    public String startFileName() {
        return "dump.rdb";
    }

    @Override
    public EngineCommand load(Credentials credentials, String file, byte[] head) {
        throw new UnsupportedOperationException("Redis reads its RDB as it starts");
    }

    @Override
    public List<EngineCommand> afterLoad(Credentials credentials) {
        String script = CLI + " DBSIZE | grep -Eq '^[0-9]+$' || exit 2; " + CLI + " CONFIG SET appendonly yes"
                + " | grep -q OK || exit 3; i=0; while [ $i -lt 600 ]; do"
                + " s=$(" + CLI + " INFO persistence | tr -d '\\r');"
                + " echo \"$s\" | grep -q '^aof_rewrite_in_progress:0'"
                + " && echo \"$s\" | grep -q '^aof_rewrite_scheduled:0'"
                + " && echo \"$s\" | grep -q '^aof_last_bgrewrite_status:ok' && [ -d /data/appendonlydir ] && exit 0;"
                + " i=$((i+1)); sleep 0.1; done; echo 'the append-only file was not written' >&2; exit 4";
        return List.of(EngineCommand.shell("redis-cli", script, env(credentials)));
    }

    @Override
    public List<EngineCommand> refuseWrites(Credentials credentials, boolean refuse) {
        String script = refuse
                ? CLI + " CONFIG SET maxmemory-policy noeviction | grep -q OK && " + CLI
                        + " CONFIG SET maxmemory 1 | grep -q OK"
                : CLI + " CONFIG SET maxmemory 0 | grep -q OK";
        return List.of(EngineCommand.shell("redis-cli", script, env(credentials)));
    }

    @Override
    public String url(String host, Credentials credentials) {
        return "redis://" + credentials.user() + ":" + credentials.password() + "@" + host + ":" + port() + "/"
                + credentials.database();
    }

    private static List<String> env(Credentials credentials) {
        return List.of("REDISCLI_AUTH=" + credentials.password());
    }
}
