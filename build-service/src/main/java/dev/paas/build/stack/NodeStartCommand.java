package dev.paas.build.stack;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a Node server is started in its container. When {@code package.json}'s start script is plainly
 * {@code node <file> [args]} (or absent while {@code server.js} exists, which is npm's own default), node is started
 * directly: npm's own start-up costs about a second before the app can answer, and npm does not pass SIGTERM on,
 * so the app could not shut down cleanly. Anything else (other tools, shell syntax, environment assignments) keeps
 * {@code npm start}, which runs the script whichever package manager installed the dependencies.
 */
final class NodeStartCommand {

    static final List<String> NPM_START = List.of("npm", "start");
    private static final Pattern PLAIN_NODE = Pattern.compile("node(\\s+[A-Za-z0-9._/@=:-]+)+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NodeStartCommand() {
    }

    /** The command for a start script, or for none ({@code serverJs}: whether {@code server.js} exists). */
    static Optional<List<String>> of(Optional<String> startScript, boolean serverJs) {
        if (startScript.isEmpty()) {
            return serverJs ? Optional.of(List.of("node", "server.js")) : Optional.empty();
        }
        String script = startScript.get().strip();
        return Optional.of(PLAIN_NODE.matcher(script).matches() ? List.of(script.split("\\s+")) : NPM_START);
    }

    /** A shell command line (a Procfile line, a start override), run by {@code sh -c}. */
    static List<String> shell(String command) {
        return List.of("sh", "-c", command);
    }

    /** The command as the JSON array of a Dockerfile's exec-form {@code CMD}. */
    static String asExecForm(List<String> command) {
        return JSON.writeValueAsString(command);
    }
}
