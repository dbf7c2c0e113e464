package dev.paas.runtime.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Images the tests run, built locally (no registry is reachable). When the platform's {@code paas/node:18}
 * exists they are small Node apps on it; otherwise a stand-in is built from scratch out of the host's own
 * Caddy binary and the libraries it links, which serves HTTP just as well. Set {@code -Dpaas.test.images=standin}
 * to force the stand-in.
 *
 * <ul>
 * <li>{@link #APP}: answers every request on {@code $PORT} with {@code hello from <hostname>} (Docker sets the
 * hostname to the first 12 characters of the container id).
 * <li>{@link #CRASH}: writes a line containing {@link #CRASH_MARKER} and exits with code 1 at once.
 * <li>{@link #SILENT}: keeps running, prints a line containing {@link #SILENT_MARKER} and never opens a port.
 * <li>{@link #LOOPBACK}: answers on {@code $PORT}, but on 127.0.0.1 only (unreachable through the published port).
 * <li>{@link #OTHER_PORT}: answers on port {@value #OTHER_PORT_NUMBER} of every address, whatever {@code $PORT}
 * says.
 * </ul>
 */
public final class TestImages {

    public static final String APP = "paas-test/runtime-app:1";
    public static final String CRASH = "paas-test/runtime-crash:1";
    public static final String SILENT = "paas-test/runtime-silent:1";
    public static final String LOOPBACK = "paas-test/runtime-loopback:1";
    public static final String OTHER_PORT = "paas-test/runtime-other-port:1";
    public static final String CRASH_MARKER = "crash-marker";
    public static final String SILENT_MARKER = "silent-marker";
    public static final int OTHER_PORT_NUMBER = 8080;
    public static final String NODE_BASE = "paas/node:18";

    private static boolean built;
    private static String flavour;

    private TestImages() {
    }

    /** Builds the images once per JVM; returns which flavour was built ({@code node} or {@code standin}). */
    public static synchronized String ensureBuilt(DockerClient docker) {
        if (built) {
            return flavour;
        }
        boolean node = !"standin".equals(System.getProperty("paas.test.images")) && exists(docker, NODE_BASE);
        try {
            if (node) {
                buildNode(docker);
            } else {
                buildStandIn(docker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        built = true;
        flavour = node ? "node" : "standin";
        return flavour;
    }

    private static void buildNode(DockerClient docker) throws IOException {
        Path context = Files.createTempDirectory("runtime-it-node");
        try {
            buildNode(docker, context);
        } finally {
            deleteRecursively(context);
        }
    }

    private static void buildNode(DockerClient docker, Path context) throws IOException {
        Files.writeString(context.resolve("server.js"), """
                const os = require('os');
                require('http').createServer((request, response) => response.end('hello from ' + os.hostname()))
                    .listen(process.env.PORT);
                """);
        Files.writeString(context.resolve("crash.js"), """
                console.log('starting');
                console.error('%s: DATABASE_URL is not set');
                process.exit(1);
                """.formatted(CRASH_MARKER));
        build(docker, APP, context, """
                FROM paas/node:18
                COPY server.js /app/server.js
                CMD ["node", "/app/server.js"]
                """);
        build(docker, CRASH, context, """
                FROM paas/node:18
                COPY crash.js /app/crash.js
                CMD ["node", "/app/crash.js"]
                """);
        build(docker, SILENT, context, """
                FROM paas/node:18
                CMD ["node", "-e", "console.log('connecting to the database...'); \\
                console.error('%s: still waiting'); setInterval(() => {}, 1000)"]
                """.formatted(SILENT_MARKER));
        build(docker, LOOPBACK, context, """
                FROM paas/node:18
                CMD ["node", "-e", "require('http').createServer((q, s) => s.end('only here')) \\
                .listen(process.env.PORT, '127.0.0.1')"]
                """);
        build(docker, OTHER_PORT, context, """
                FROM paas/node:18
                CMD ["node", "-e", "require('http').createServer((q, s) => s.end('elsewhere')) \\
                .listen(%d, '0.0.0.0')"]
                """.formatted(OTHER_PORT_NUMBER));
    }

    private static void buildStandIn(DockerClient docker) throws IOException {
        Path context = Files.createTempDirectory("runtime-it-standin");
        try {
            buildStandIn(docker, context);
        } finally {
            deleteRecursively(context);
        }
    }

    private static void buildStandIn(DockerClient docker, Path context) throws IOException {
        Path caddy = Path.of("/usr/bin/caddy");
        copyInto(context, caddy);
        for (Path library : librariesOf(caddy)) {
            copyInto(context, library);
        }
        Files.writeString(context.resolve("Caddyfile"), """
                {
                	admin off
                	auto_https off
                }
                :{$PORT} {
                	respond "hello from {system.hostname}" 200
                }
                """);
        Files.writeString(context.resolve("Loopbackfile"), """
                {
                	admin off
                	auto_https off
                }
                http://127.0.0.1:{$PORT} {
                	bind 127.0.0.1
                	respond "only here" 200
                }
                """);
        Files.writeString(context.resolve("OtherPortfile"), """
                {
                	admin off
                	auto_https off
                }
                :%d {
                	respond "elsewhere" 200
                }
                """.formatted(OTHER_PORT_NUMBER));
        // no admin endpoint and no apps: Caddy runs and opens no port; --environ prints the marker variable
        Files.writeString(context.resolve("silent.json"), """
                {"admin": {"disabled": true}}
                """);
        String base = """
                FROM scratch
                COPY rootfs/ /
                COPY Caddyfile Loopbackfile OtherPortfile silent.json /etc/
                ENV HOME=/tmp XDG_DATA_HOME=/tmp XDG_CONFIG_HOME=/tmp
                """;
        build(docker, APP, context, base + """
                CMD ["/usr/bin/caddy", "run", "--config", "/etc/Caddyfile", "--adapter", "caddyfile"]
                """);
        build(docker, CRASH, context, base + """
                CMD ["/usr/bin/caddy", "run", "--config", "/%s.json"]
                """.formatted(CRASH_MARKER));
        build(docker, SILENT, context, base + """
                ENV MARKER=%s
                CMD ["/usr/bin/caddy", "run", "--environ", "--config", "/etc/silent.json"]
                """.formatted(SILENT_MARKER));
        build(docker, LOOPBACK, context, base + """
                CMD ["/usr/bin/caddy", "run", "--config", "/etc/Loopbackfile", "--adapter", "caddyfile"]
                """);
        build(docker, OTHER_PORT, context, base + """
                CMD ["/usr/bin/caddy", "run", "--config", "/etc/OtherPortfile", "--adapter", "caddyfile"]
                """);
    }

    private static void build(DockerClient docker, String tag, Path context, String dockerfile) throws IOException {
        Path file = context.resolve("Dockerfile." + tag.replaceAll("[^a-z0-9]", "-"));
        Files.writeString(file, dockerfile);
        docker.buildImageCmd()
                .withBaseDirectory(context.toFile())
                .withDockerfile(file.toFile())
                .withTags(Set.of(tag))
                .withPull(false)
                .start()
                .awaitImageId(180, TimeUnit.SECONDS);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean exists(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Copies a host file to the same path under the build context's {@code rootfs}; a file copied already stays. */
    static void copyInto(Path context, Path file) throws IOException {
        Path target = context.resolve("rootfs").resolve(file.toString().substring(1));
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
    }

    /** The shared libraries {@code ldd} says the binary needs, including the dynamic loader. */
    static Set<Path> librariesOf(Path binary) throws IOException {
        Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
        String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Set<Path> libraries = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("(/\\S+) \\(0x").matcher(output);
        while (matcher.find()) {
            libraries.add(Path.of(matcher.group(1)));
        }
        return libraries;
    }
}
