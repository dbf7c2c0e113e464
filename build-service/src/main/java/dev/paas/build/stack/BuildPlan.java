package dev.paas.build.stack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to build and run one repository: the result of detection.
 *
 * @param stack {@code node}, {@code python}, {@code go}, {@code php}, {@code java}, {@code static}, {@code dockerfile}
 * @param template template resource under {@code templates/} (e.g. {@code node-server.Dockerfile}); {@code null}
 *     for an own Dockerfile
 * @param variables values for the template's {@code {{NAME}}} placeholders
 * @param port the port the app listens on inside its container, when known before the build
 * @param explanation sentences for the build log, e.g. {@code detected Node 18 (package-lock.json, npm ci)}
 * @param ignore {@code .dockerignore} entries besides {@code .git}
 * @param dockerfile for an own Dockerfile: its path relative to the context
 */
public record BuildPlan(String stack, String template, Map<String, String> variables, OptionalInt port,
        List<String> explanation, List<String> ignore, Optional<String> dockerfile) {

    public BuildPlan {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        port = port == null ? OptionalInt.empty() : port;
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        dockerfile = dockerfile == null ? Optional.empty() : dockerfile;
    }
}
