package dev.paas.messaging.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * For tests of every service (shipped in this module's test-jar): a nats-server with JetStream of the test's own, on a free loopback port, that the test can stop and restart.
 */
public final class NatsServerProcess implements AutoCloseable {

    private final int port;
    private final Path storeDir;
    private Process process;

    public NatsServerProcess() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        storeDir = Files.createTempDirectory("nats-it");
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
