package dev.paas.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ingress DNS server of the test's own: dnsmasq on a free loopback UDP port, answering only from the hosts
 * directory runtime-service writes (see UpstreamDirectory), like the platform's. Stopped when the JVM exits.
 */
public final class TestDnsmasq {

    private static TestDnsmasq shared;

    private final Process process;
    private final int port;
    private final Path directory;

    private TestDnsmasq(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    public static synchronized TestDnsmasq shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    private static TestDnsmasq start() {
        try {
            int port = TestCaddy.freePort();
            Path directory = Files.createTempDirectory("runtime-it-upstreams");
            Process process = new ProcessBuilder(List.of("dnsmasq", "--keep-in-foreground", "--port=" + port,
                    "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                    "--hostsdir=" + directory, "--local-ttl=0", "--user=" + System.getProperty("user.name"),
                    "--pid-file=", "--log-facility=-"))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolveSibling(directory.getFileName() + "-dnsmasq.log").toFile())
                    .start();
            return new TestDnsmasq(process, port, directory);
        } catch (IOException e) {
            throw new IllegalStateException("could not start dnsmasq (apt-get install dnsmasq-base)", e);
        }
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public Path directory() {
        return directory;
    }
}
