package dev.paas.runtime.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@link #SHELL}: an app image with a shell, built from scratch out of the host's own binaries (no registry, no
 * package needed): the host's Caddy answers {@code hello from <hostname>} on {@code $PORT} like {@link TestImages#APP},
 * and {@code bash} (whose {@code /dev/tcp} makes connection attempts), {@code timeout}, {@code sleep} and {@code cat}
 * are there for tests that look from inside a container or make one print lines.
 */
public final class TestShellImage {

    public static final String SHELL = "paas-test/runtime-shell:1";
    private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/caddy"), Path.of("/bin/bash"),
            Path.of("/usr/bin/timeout"), Path.of("/bin/sleep"), Path.of("/bin/cat"));

    private static boolean built;

    private TestShellImage() {
    }

    /** Builds the image once per JVM. */
    public static synchronized String ensureBuilt(DockerClient docker) {
        if (!built) {
            try {
                build(docker);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            built = true;
        }
        return SHELL;
    }

    /** Runs {@code command} in the container and returns its exit code ({@code -1} when it did not finish). */
    public static long exec(DockerClient docker, String containerId, String... command) {
        String execId = docker.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(true)
                .withCmd(command).exec().getId();
        try (ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>()) {
            docker.execStartCmd(execId).exec(callback).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return code == null ? -1 : code;
    }

    private static void build(DockerClient docker) throws IOException {
        Path context = Files.createTempDirectory("runtime-it-shell");
        try {
            for (Path binary : BINARIES) {
                TestImages.copyInto(context, binary);
                for (Path library : TestImages.librariesOf(binary)) {
                    TestImages.copyInto(context, library);
                }
            }
            Files.createDirectories(context.resolve("rootfs/tmp"));
            Files.writeString(context.resolve("rootfs/tmp/.keep"), "");
            Files.writeString(context.resolve("Caddyfile"), """
                    {
                    	admin off
                    	auto_https off
                    }
                    :{$PORT} {
                    	respond "hello from {system.hostname}" 200
                    }
                    """);
            Path dockerfile = context.resolve("Dockerfile");
            Files.writeString(dockerfile, """
                    FROM scratch
                    COPY rootfs/ /
                    COPY Caddyfile /etc/Caddyfile
                    ENV HOME=/tmp XDG_DATA_HOME=/tmp XDG_CONFIG_HOME=/tmp PATH=/usr/bin:/bin
                    CMD ["/usr/bin/caddy", "run", "--config", "/etc/Caddyfile", "--adapter", "caddyfile"]
                    """);
            docker.buildImageCmd()
                    .withBaseDirectory(context.toFile())
                    .withDockerfile(dockerfile.toFile())
                    .withTags(Set.of(SHELL))
                    .withPull(false)
                    .start()
                    .awaitImageId(180, TimeUnit.SECONDS);
        } finally {
            try (Stream<Path> paths = Files.walk(context)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
