package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Per-project settings that win over detection ({@code PATCH /api/v1/projects/{id}}); {@code null} means detect.
 * Blank values count as {@code null}. {@link #requireValid()} checks them before a build uses them: the root directory
 * and the Dockerfile path are relative, normalised, and stay inside the repository; commands are single lines.
 *
 * @param rootDirectory the folder of the repository the app lives in (monorepos); the build context
 * @param installCommand replaces the detected dependency install
 * @param buildCommand replaces the detected build step (a {@code build} script)
 * @param startCommand replaces the detected start command (run by {@code sh -c})
 * @param port the port the app listens on; replaces the stack's default and sets {@code PORT}
 * @param dockerfilePath the repository's own Dockerfile, relative to the root directory
 */
public record BuildOverrides(String rootDirectory, String installCommand, String buildCommand,
        String startCommand, Integer port, String dockerfilePath) {

    public static final BuildOverrides NONE = new BuildOverrides(null, null, null, null, null, null);

    public BuildOverrides {
        rootDirectory = blankToNull(rootDirectory);
        installCommand = blankToNull(installCommand);
        buildCommand = blankToNull(buildCommand);
        startCommand = blankToNull(startCommand);
        dockerfilePath = blankToNull(dockerfilePath);
    }

    /** Fails the build with a clear reason when an override cannot be used as it is. */
    public BuildOverrides requireValid() {
        String root = normalisedRootDirectory();
        if (dockerfilePath != null) {
            // Relative to the root directory, and still inside the repository.
            normalise("Dockerfile path", dockerfilePath, root.isEmpty() ? dockerfilePath : root + "/" + dockerfilePath);
        }
        singleLine("install command", installCommand);
        singleLine("build command", buildCommand);
        singleLine("start command", startCommand);
        if (port != null && (port < 1 || port > 65535)) {
            throw new BuildFailure("the port override " + port + " is not a TCP port (1-65535)");
        }
        return this;
    }

    /** The normalised relative root directory, {@code ""} for the repository root. */
    public String normalisedRootDirectory() {
        return rootDirectory == null ? "" : normalise("root directory", rootDirectory, rootDirectory);
    }

    /** The normalised Dockerfile path relative to the root directory, or {@code null} when none is set. */
    public String normalisedDockerfilePath() {
        if (dockerfilePath == null) {
            return null;
        }
        requireValid();
        return Path.of(dockerfilePath.replace('\\', '/')).normalize().toString().replace('\\', '/');
    }

    private static String normalise(String what, String value, String fromRepositoryRoot) {
        String own = value.replace('\\', '/');
        if (own.startsWith("/") || own.matches("^[A-Za-z]:.*") || own.startsWith("~")) {
            throw new BuildFailure("the " + what + " '" + value + "' must be relative to the repository, not an"
                    + " absolute path");
        }
        Path normalised;
        try {
            normalised = Path.of(fromRepositoryRoot.replace('\\', '/')).normalize();
        } catch (InvalidPathException e) {
            throw new BuildFailure("the " + what + " '" + value + "' is not a valid path");
        }
        String result = normalised.toString().replace('\\', '/');
        if (result.equals("..") || result.startsWith("../")) {
            throw new BuildFailure("the " + what + " '" + value + "' points outside the repository");
        }
        return result;
    }

    private static void singleLine(String what, String command) {
        if (command != null && (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0
                || command.indexOf('\0') >= 0)) {
            throw new BuildFailure("the " + what + " override must be a single line");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
