package dev.paas.build.stack;

import java.util.List;
import java.util.Objects;

/**
 * A runtime catalog entry: how to build an app that has no Dockerfile of its own. Python, Go or PHP become a new
 * entry plus a template, no code change.
 *
 * @param name the stack name published in {@code ImageBuilt} ({@code node}, {@code static})
 * @param image the base image the template starts from
 * @param port the port the app listens on inside its container
 * @param markers files at the repository root that select this runtime (any of them)
 * @param order detection priority, lowest first
 * @param template classpath resource under {@code templates/}
 * @param ignore paths kept out of the build context besides {@code .git}
 */
public record Runtime(String name, String image, int port, List<String> markers, int order, String template,
        List<String> ignore) {

    public Runtime {
        Objects.requireNonNull(name, "name");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("runtime '" + name + "' has no base image (paas.build.stacks."
                    + name + ".image)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("runtime '" + name + "' has an invalid port " + port);
        }
        if (markers == null || markers.isEmpty()) {
            throw new IllegalArgumentException("runtime '" + name + "' has no marker files (paas.build.stacks."
                    + name + ".markers)");
        }
        markers = List.copyOf(markers);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        template = template == null || template.isBlank() ? name + ".Dockerfile" : template;
    }
}
