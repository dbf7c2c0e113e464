package dev.paas.build.stack;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A checked-out repository made ready for {@code docker build}.
 *
 * @param directory the build context
 * @param dockerfile the Dockerfile to build, inside the context
 * @param stack the detected stack
 * @param port the port the app listens on, when known before the build
 */
public record PreparedContext(Path directory, Path dockerfile, Stack stack, OptionalInt port) {
}
