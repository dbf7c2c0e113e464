package dev.paas.database.databases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI for the tests' own checks and faults: exec in a container, kill it, inspect, clean up. */
final class DockerCli {

    private DockerCli() {
    }

    /** The exit code and the output (stdout and stderr) of {@code docker <args>}. */
    record Result(int exitCode, String output) {

        boolean ok() {
            return exitCode == 0;
        }
    }

    static Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", args));
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean exists(String container) {
        return docker("inspect", "--type", "container", container).ok();
    }

    static boolean running(String container) {
        Result state = docker("inspect", "--type", "container", "-f", "{{.State.Running}}", container);
        return state.ok() && state.output().equals("true");
    }

    static boolean volumeExists(String volume) {
        return docker("volume", "inspect", volume).ok();
    }

    /** Removes every container and volume labelled with {@code owner}, and the owner's network. */
    static void removeEverythingOf(java.util.UUID owner, String network) {
        Result containers = docker("ps", "-aq", "--filter", "label=paas.owner-id=" + owner);
        for (String id : containers.output().lines().filter(line -> !line.isBlank()).toList()) {
            docker("rm", "-f", "-v", id);
        }
        Result volumes = docker("volume", "ls", "-q", "--filter", "label=paas.owner-id=" + owner);
        for (String volume : volumes.output().lines().filter(line -> !line.isBlank()).toList()) {
            docker("volume", "rm", "-f", volume);
        }
        docker("network", "rm", network);
    }
}
