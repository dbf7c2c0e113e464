package dev.paas.build.stack;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start command precedence every generated plan shares: the project's start override, then the Procfile's
 * {@code web:} line, then what the planner detected. User-written commands run through {@code sh -c}.
 */
final class StartCommands {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StartCommands() {
    }

    /** A command the user wrote (override or Procfile), with a sentence saying where it came from. */
    record Given(String command, String source) {

        List<String> shellForm() {
            return shell(command);
        }

        String explanation() {
            return "starting with " + command + " (" + source + ")";
        }
    }

    static Optional<Given> given(SourceTree tree, BuildOverrides overrides) {
        if (overrides.startCommand() != null && !overrides.startCommand().isBlank()) {
            return Optional.of(new Given(overrides.startCommand().strip(), "the project's start command"));
        }
        return tree.procfileCommand("web").map(command -> new Given(command, "Procfile web:"));
    }

    static List<String> shell(String command) {
        return List.of("sh", "-c", command);
    }

    /** The command as the JSON array of a Dockerfile's exec-form {@code CMD}. */
    static String execForm(List<String> command) {
        return JSON.writeValueAsString(command);
    }

    static boolean given(String command) {
        return command != null && !command.isBlank();
    }

    static int port(BuildOverrides overrides, int stackDefault) {
        return overrides.port() != null ? overrides.port() : stackDefault;
    }
}
