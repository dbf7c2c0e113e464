package dev.paas.build.stack;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A checked-out repository made ready for {@code docker build}.
 *
 * @param directory the build context (the root directory of the checkout)
 * @param dockerfile the Dockerfile to build, inside the context
 * @param plan what detection decided
 * @param port the port the app listens on, when known before the build
 */
public record PreparedContext(Path directory, Path dockerfile, BuildPlan plan, OptionalInt port) {

    /** The stack name published in {@code ImageBuilt}: {@code dockerfile}, {@code node}, {@code static}, ... */
    public String stack() {
        return plan.stack();
    }
}
