package dev.paas.database.engine;

import java.util.List;

/**
 * MongoDB (the official image only: Debian has none). Written to the official image's conventions but not tested
 * on these hosts, which have no {@code mongo} image; {@link DatabaseEngines#resolve} refuses it there. Writes cannot
 * be refused, only warned about.
 */
final class MongoEngine implements EngineDefinition {

    private static final String URI = "\"mongodb://$PAAS_USER:$PAAS_PASSWORD@127.0.0.1:27017/?authSource=admin\"";

    @Override
    public DatabaseType type() {
        return DatabaseType.MONGODB;
    }

    @Override
    public String displayName() {
        return "MongoDB";
    }

    @Override
    public int port() {
        return 27017;
    }

    @Override
    public String dataDir() {
        return "/data/db";
    }

    @Override
    public List<String> environment(Credentials credentials) {
        return List.of("MONGO_INITDB_ROOT_USERNAME=" + credentials.user(),
                "MONGO_INITDB_ROOT_PASSWORD=" + credentials.password(),
                "MONGO_INITDB_DATABASE=" + credentials.database());
    }

    @Override
    public List<String> command(Credentials credentials) {
        return List.of();
    }

    @Override
    public EngineCommand ready(Credentials credentials) {
        return EngineCommand.shell("mongosh", "mongosh --quiet " + URI + " --eval 'db.runCommand({ping: 1}).ok'",
                env(credentials));
    }

    @Override
    public boolean readyOutput(String stdout) {
        return stdout.strip().endsWith("1");
    }

    @Override
    public EngineCommand dump(Credentials credentials) {
        return EngineCommand.shell("mongodump", "mongodump --quiet --archive --uri=" + URI, env(credentials));
    }

    @Override
    public EngineCommand load(Credentials credentials, String file, byte[] head) {
        return EngineCommand.shell("mongorestore", "mongorestore --quiet --drop --archive=" + file + " --uri=" + URI,
                env(credentials));
    }

    @Override
    public List<EngineCommand> refuseWrites(Credentials credentials, boolean refuse) {
        return List.of();
    }

    @Override
    public String url(String host, Credentials credentials) {
        return "mongodb://" + credentials.user() + ":" + credentials.password() + "@" + host + ":" + port() + "/"
                + credentials.database() + "?authSource=admin";
    }

    private static List<String> env(Credentials credentials) {
        return List.of("PAAS_USER=" + credentials.user(), "PAAS_PASSWORD=" + credentials.password());
    }
}
