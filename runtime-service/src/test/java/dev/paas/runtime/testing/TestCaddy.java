package dev.paas.runtime.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

/**
 * A Caddy process of the test's own, on free loopback ports: admin API plus one HTTP server named {@code paas}
 * whose only route is a catch-all answering 404, like the platform's. Its config and autosave live in a
 * temporary directory, so it never touches the platform's Caddy.
 */
public final class TestCaddy implements AutoCloseable {

    public static final String NOT_FOUND_BODY = "no app here";

    private static TestCaddy shared;

    private final Process process;
    private final int adminPort;
    private final int httpPort;
    private final Path home;

    private TestCaddy(Process process, int adminPort, int httpPort, Path home) {
        this.process = process;
        this.adminPort = adminPort;
        this.httpPort = httpPort;
        this.home = home;
    }

    /** One Caddy for the whole test JVM, stopped when the JVM exits. */
    public static synchronized TestCaddy shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static TestCaddy start() {
        try {
            int adminPort = freePort();
            int httpPort = freePort();
            Path home = Files.createTempDirectory("runtime-it-caddy");
            Path config = home.resolve("caddy.json");
            Files.writeString(config, """
                    {"admin": {"listen": "127.0.0.1:%d"},
                     "logging": {"logs": {"default": {"level": "WARN"}}},
                     "apps": {"http": {"servers": {"paas": {
                        "listen": ["127.0.0.1:%d"],
                        "automatic_https": {"disable": true},
                        "routes": [{"@id": "not-found",
                                    "handle": [{"handler": "static_response", "status_code": 404,
                                                "body": "%s"}]}]}}}}}
                    """.formatted(adminPort, httpPort, NOT_FOUND_BODY));
            ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("caddy.log").toFile());
            builder.environment().put("HOME", home.toString());
            builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
            builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
            Process process = builder.start();
            TestCaddy caddy = new TestCaddy(process, adminPort, httpPort, home);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> TestHttp.get(httpPort, "nobody.paas.localhost", "/").status() == 404);
            return caddy;
        } catch (IOException e) {
            throw new IllegalStateException("could not start caddy", e);
        }
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** A request through Caddy's HTTP server for the given host name. */
    public TestHttp.Response get(String host) {
        return TestHttp.get(httpPort, host, "/");
    }

    /** The live config of the {@code paas} server's routes, as JSON text. */
    public String routesJson() {
        TestHttp.Response response = TestHttp.get(adminPort, "127.0.0.1:" + adminPort,
                "/config/apps/http/servers/paas/routes");
        if (response.status() != 200) {
            throw new IllegalStateException("caddy admin answered " + response);
        }
        return response.body();
    }

    public String log() {
        try {
            return Files.readString(home.resolve("caddy.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
            try (var files = Files.walk(home)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail a test
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
