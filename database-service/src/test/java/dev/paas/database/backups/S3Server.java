package dev.paas.database.backups;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * S3Proxy (an S3-compatible server on jclouds' filesystem backend), copied into {@code target/s3proxy} by the build
 * and started as a separate JVM on a free loopback port, with a test identity.
 */
final class S3Server implements AutoCloseable {

    static final String ACCESS_KEY = "paas-test-access";
    static final String SECRET_KEY = "paas-test-secret-" + UUID.randomUUID();

    private final Process process;
    private final URI endpoint;

    private S3Server(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3Server start(Path workDirectory) throws IOException {
        Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it in process-test-resources");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path data = Files.createDirectories(workDirectory.resolve("data"));
        Path config = Files.writeString(workDirectory.resolve("s3proxy.conf"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data, ""));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "--properties",
                config.toString())
                .redirectErrorStream(true).redirectOutput(workDirectory.resolve("s3proxy.log").toFile()).start();
        int listening = port;
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited: "
                        + Files.readString(workDirectory.resolve("s3proxy.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", listening)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return new S3Server(process, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
