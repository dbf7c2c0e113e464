package dev.paas.build.stack;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reads the port an app's own Dockerfile declares. */
final class DockerfilePorts {

    private static final Pattern CONTINUATION = Pattern.compile("\\\\\\r?\\n");
    private static final Pattern PORT = Pattern.compile("(\\d{1,5})(/tcp)?", Pattern.CASE_INSENSITIVE);

    private DockerfilePorts() {
    }

    /**
     * The first TCP port of the first {@code EXPOSE} in the final stage, or empty when there is none or it is not a
     * literal (an {@code $ARG}); the image's own metadata is asked after the build then.
     */
    static OptionalInt firstExposed(String dockerfile) {
        OptionalInt port = OptionalInt.empty();
        for (String rawLine : CONTINUATION.matcher(dockerfile).replaceAll(" ").split("\n")) {
            String line = rawLine.strip();
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("FROM ")) {
                port = OptionalInt.empty();
            } else if (upper.startsWith("EXPOSE ") && port.isEmpty()) {
                port = firstPort(line.substring("EXPOSE ".length()));
            }
        }
        return port;
    }

    private static OptionalInt firstPort(String arguments) {
        for (String argument : arguments.strip().split("\\s+")) {
            var matcher = PORT.matcher(argument);
            if (matcher.matches()) {
                int port = Integer.parseInt(matcher.group(1));
                if (port >= 1 && port <= 65535) {
                    return OptionalInt.of(port);
                }
            }
        }
        return OptionalInt.empty();
    }
}
