package dev.paas.build.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a Node app is started in its container. When {@code package.json}'s start script is plainly
 * {@code node <file> [args]} (or absent while {@code server.js} exists, which is npm's own default), node is started
 * directly: npm's own start-up costs about a second before the app can answer, and npm does not pass SIGTERM on,
 * so the app could not shut down cleanly. Anything else (other tools, shell syntax, environment assignments) keeps
 * {@code npm start}.
 */
final class NodeStartCommand {

    static final List<String> NPM_START = List.of("npm", "start");
    private static final Pattern PLAIN_NODE = Pattern.compile("node(\\s+[A-Za-z0-9._/@=:-]+)+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NodeStartCommand() {
    }

    static List<String> of(Path directory) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readString(directory.resolve("package.json")));
        } catch (IOException | JacksonException e) {
            // npm reports an unreadable manifest itself, in the build log, when it installs.
            return NPM_START;
        }
        JsonNode start = manifest.path("scripts").path("start");
        if (start.isMissingNode() || start.isNull()) {
            return Files.isRegularFile(directory.resolve("server.js")) ? List.of("node", "server.js") : NPM_START;
        }
        String script = start.asString("").strip();
        if (!PLAIN_NODE.matcher(script).matches()) {
            return NPM_START;
        }
        return new ArrayList<>(List.of(script.split("\\s+")));
    }

    /** The command as the JSON array of a Dockerfile's exec-form {@code CMD}. */
    static String asExecForm(List<String> command) {
        return JSON.writeValueAsString(command);
    }
}
