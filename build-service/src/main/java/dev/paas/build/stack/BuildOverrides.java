package dev.paas.build.stack;

/**
 * What a project's owner set to replace detection; each field is {@code null} when not set.
 *
 * @param rootDirectory the directory inside the repository the app lives in (monorepos)
 * @param installCommand replaces the detected dependency installation
 * @param buildCommand replaces the detected build step
 * @param startCommand replaces the detected start command
 * @param port the port the app listens on
 * @param dockerfilePath the Dockerfile to build instead of detecting a stack
 */
public record BuildOverrides(String rootDirectory, String installCommand, String buildCommand, String startCommand,
        Integer port, String dockerfilePath) {

    /** Nothing overridden: detection decides everything. */
    public static final BuildOverrides NONE = new BuildOverrides(null, null, null, null, null, null);
}
