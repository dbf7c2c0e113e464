package dev.paas.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A nats-server with JetStream of the test's own, on a free loopback port, that the test can stop and restart; or
 * the one {@link #shared()} by every test context of a JVM. Tests never talk to the machine's NATS server, so they
 * neither see a running platform's events nor send it any.
 */
public final class NatsServerProcess implements AutoCloseable {

    private static NatsServerProcess shared;

    private final int port;
    private final Path storeDir;
    private Process process;

    public NatsServerProcess() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        storeDir = Files.createTempDirectory("nats-it");
    }

    /** The server of this JVM's component tests, started on first use and stopped when the JVM exits. */
    public static synchronized NatsServerProcess shared() {
        if (shared == null) {
            try {
                NatsServerProcess server = new NatsServerProcess().start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                shared = server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test JetStream server: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public NatsServerProcess start() throws IOException {
        String binary = Files.exists(Path.of("/usr/sbin/nats-server")) ? "/usr/sbin/nats-server" : "nats-server";
        process = new ProcessBuilder(binary, "-a", "127.0.0.1", "-p", String.valueOf(port), "-js", "-sd",
                storeDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(storeDir.resolve("server.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(20)).until(this::accepts);
        return this;
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
            process = null;
        }
    }

    private boolean accepts() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
