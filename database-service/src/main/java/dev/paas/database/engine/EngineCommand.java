package dev.paas.database.engine;

import java.util.List;

/**
 * A command run inside an engine's container: the tool it is named after in messages, its argument vector and extra
 * environment. Secrets travel in {@code env} ({@code PGPASSWORD}, {@code MYSQL_PWD}, {@code REDISCLI_AUTH}), never
 * in {@code argv}, which Docker keeps in the exec's record.
 */
record EngineCommand(String tool, List<String> argv, List<String> env) {

    static EngineCommand shell(String tool, String script, List<String> env) {
        return new EngineCommand(tool, List.of("sh", "-c", script), env);
    }

    @Override
    public String toString() {
        return tool;
    }
}
