package dev.paas.project.projects;

import dev.paas.problems.InvalidInput;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a project's owner set to replace detection when it is built; each field is {@code null} when not set. Every
 * deployment requested afterwards carries them to build-service.
 *
 * @param rootDirectory the directory inside the repository the app lives in (monorepos), relative to its root
 * @param installCommand replaces the detected dependency installation
 * @param buildCommand replaces the detected build step
 * @param startCommand replaces the detected start command
 * @param port the port the app listens on, 1 to 65535
 * @param dockerfilePath the Dockerfile to build instead of detecting a stack, relative to the repository root
 */
public record BuildSettings(String rootDirectory, String installCommand, String buildCommand, String startCommand,
        Integer port, String dockerfilePath) {

    /** No settings: detection decides everything. */
    public static final BuildSettings NONE = new BuildSettings(null, null, null, null, null, null);

    /** The JSON names of the settings, as the API reads and shows them. */
    public static final Set<String> NAMES = Set.of("rootDirectory", "installCommand", "buildCommand",
            "startCommand", "port", "dockerfilePath");

    static final int MAX_PATH_LENGTH = 255;
    static final int MAX_COMMAND_LENGTH = 1000;
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    /**
     * These settings with those {@code named} in {@code given} replacing them ({@code null} clears one); the others
     * stay as they are.
     */
    BuildSettings overriddenBy(BuildSettings given, Set<String> named) {
        return new BuildSettings(
                named.contains("rootDirectory") ? given.rootDirectory : rootDirectory,
                named.contains("installCommand") ? given.installCommand : installCommand,
                named.contains("buildCommand") ? given.buildCommand : buildCommand,
                named.contains("startCommand") ? given.startCommand : startCommand,
                named.contains("port") ? given.port : port,
                named.contains("dockerfilePath") ? given.dockerfilePath : dockerfilePath);
    }

    /**
     * Checks every setting that is set.
     *
     * @throws InvalidInput naming the first setting that is not acceptable
     */
    void check() {
        checkPath("rootDirectory", rootDirectory);
        checkCommand("installCommand", installCommand);
        checkCommand("buildCommand", buildCommand);
        checkCommand("startCommand", startCommand);
        if (port != null && (port < 1 || port > 65_535)) {
            throw new InvalidInput("port", "must be from 1 to 65535, was " + port);
        }
        checkPath("dockerfilePath", dockerfilePath);
    }

    private static void checkPath(String field, String path) {
        if (path == null) {
            return;
        }
        requireNotBlank(field, path);
        if (path.length() > MAX_PATH_LENGTH) {
            throw new InvalidInput(field, "must be at most " + MAX_PATH_LENGTH + " characters");
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new InvalidInput(field, "must not contain NUL or line breaks");
        }
        String slashed = path.replace('\\', '/');
        if (slashed.startsWith("/") || WINDOWS_DRIVE.matcher(slashed).matches()) {
            throw new InvalidInput(field, "must be relative to the repository root, was '" + path + "'");
        }
        for (String segment : slashed.split("/")) {
            if (segment.equals("..")) {
                throw new InvalidInput(field, "must stay inside the repository: '..' is not allowed, was '"
                        + path + "'");
            }
        }
    }

    private static void checkCommand(String field, String command) {
        if (command == null) {
            return;
        }
        requireNotBlank(field, command);
        if (command.length() > MAX_COMMAND_LENGTH) {
            throw new InvalidInput(field, "must be at most " + MAX_COMMAND_LENGTH + " characters");
        }
        if (command.indexOf('\0') >= 0) {
            throw new InvalidInput(field, "must not contain NUL characters");
        }
    }

    private static void requireNotBlank(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidInput(field, "must not be blank (send null to clear it)");
        }
    }
}
