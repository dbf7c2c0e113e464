package dev.paas.metrics.analytics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The latency Caddy adds with analytics on versus off (run by infra/bench/analytics.sh): two Caddys built from
 * infra/caddy/caddy.json in front of one JDK HTTP upstream on loopback, one with the platform's access log and the
 * tail's reading and counting following it on a thread of its own, one with access logging removed; each gets the
 * same open-loop load at a fixed rate (default 1,000 requests/s, two rounds of 5 s each after a 2 s warm-up, off and
 * on alternating). Latency is measured from the moment a request was due, so a stall shows up instead of slowing the
 * sender down.
 */
public final class CaddyLatencyBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOST = "bench.paas.localhost";
    private static final int ROUNDS = 2;

    private CaddyLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path caddyJson = Path.of(args.length > 2 ? args[2] : "infra/caddy/caddy.json");
        Path dir = Files.createTempDirectory("paas-analytics-latency");
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
        upstream.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        Path accessLog = dir.resolve("caddy-access.log");
        Process off = null;
        Process on = null;
        try {
            int offPort = freePort();
            off = caddy(dir, "off", config(caddyJson, offPort, upstream.getAddress().getPort(), null));
            int onPort = freePort();
            on = caddy(dir, "on", config(caddyJson, onPort, upstream.getAddress().getPort(), accessLog));
            awaitListening(offPort);
            awaitListening(onPort);

            System.out.printf(Locale.ROOT, "caddy latency at %d req/s on loopback, %d rounds of %d s each (open loop,"
                    + " off and on alternating):%n", rate, ROUNDS, seconds);
            TailThread tail = new TailThread(accessLog);
            Result without = Result.NONE;
            Result with = Result.NONE;
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    Result offRound = load(offPort, rate, seconds);
                    Result onRound = load(onPort, rate, seconds);
                    System.out.println(offRound.format("round " + round + " analytics off"));
                    System.out.println(onRound.format("round " + round + " analytics on "));
                    without = without.plus(offRound);
                    with = with.plus(onRound);
                }
            } finally {
                tail.stop();
            }
            System.out.println(without.format("caddy latency, analytics off"));
            System.out.println(with.format("caddy latency, analytics on "));
            System.out.printf(Locale.ROOT, "tail during the runs: %,d lines counted, %,d bytes behind at the end%n",
                    tail.lines(), tail.lag());
        } finally {
            for (Process process : new Process[] {off, on}) {
                if (process != null) {
                    process.destroy();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            upstream.stop(0);
        }
    }

    /** Sends {@code rate} requests a second for 2 s (not counted) plus {@code seconds}; latencies from due time. */
    private static Result load(int port, int rate, int seconds) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bench?x=1"))
                .header("Host", HOST).header("User-Agent", "paas-bench").timeout(Duration.ofSeconds(10)).build();
        int warmUp = rate * 2;
        int total = warmUp + rate * seconds;
        long[] latencies = new long[rate * seconds];
        AtomicLong errors = new AtomicLong();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i - warmUp;
            pending[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete(
                    (response, failure) -> {
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (index >= 0) {
                            latencies[index] = System.nanoTime() - due;
                        }
                    });
        }
        CompletableFuture.allOf(pending).exceptionally(failure -> null).join();
        client.close();
        Arrays.sort(latencies);
        return new Result(latencies, errors.get());
    }

    /** The tail's reading and counting (the same code) following the access log every 200 ms. */
    private static final class TailThread {

        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private final Counter read;
        private final AccessLogCounter counter;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        private final Path file;
        private final AtomicLong lag = new AtomicLong();
        private long offset;
        private FileChannel channel;

        TailThread(Path file) {
            this.file = file;
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            read = meters.counter("read");
            Map<String, UUID> projects = Map.of(HOST, UUID.randomUUID());
            counter = new AccessLogCounter(new HostAttribution(host -> Optional.ofNullable(projects.get(host)),
                    Duration.ofSeconds(30)), new VisitorHashes("bench"), read, meters.counter("unattributed"));
            executor.scheduleWithFixedDelay(this::poll, 0, 200, TimeUnit.MILLISECONDS);
        }

        private void poll() {
            try {
                if (channel == null) {
                    channel = FileChannel.open(file, StandardOpenOption.READ);
                }
                for (int n = channel.read(buffer.clear(), offset); n > 0; n = channel.read(buffer.clear(), offset)) {
                    offset += counter.countLines(buffer.array(), n);
                }
                counter.pending().clear();
                lag.set(Files.size(file) - offset);
            } catch (NoSuchFileException e) {
                lag.set(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() throws Exception {
            executor.submit(this::poll).get();
            executor.shutdown();
            if (channel != null) {
                channel.close();
            }
        }

        long lines() {
            return (long) read.count();
        }

        long lag() {
            return lag.get();
        }
    }

    /** Sorted latencies in nanoseconds and the failed requests. */
    private record Result(long[] latencies, long errors) {

        static final Result NONE = new Result(new long[0], 0);

        Result plus(Result other) {
            long[] both = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, both, latencies.length, other.latencies.length);
            Arrays.sort(both);
            return new Result(both, errors + other.errors);
        }

        String format(String label) {
            return String.format(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d requests, %d errors",
                    label, percentile(0.5), percentile(0.99), latencies[latencies.length - 1] / 1e6,
                    latencies.length, errors);
        }

        double percentile(double quantile) {
            int index = (int) Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    private static ObjectNode config(Path caddyJson, int port, int upstreamPort, Path accessLog) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(caddyJson.toFile());
        config.putObject("admin").put("disabled", true);
        ObjectNode logs = (ObjectNode) config.path("logging").path("logs");
        ObjectNode server = (ObjectNode) config.path("apps").path("http").path("servers").path("paas");
        if (accessLog == null) {
            logs.remove("access");
            server.remove("logs");
        } else {
            ((ObjectNode) logs.path("access").path("writer")).put("filename", accessLog.toString());
        }
        server.putArray("listen").add("127.0.0.1:" + port);
        ArrayNode routes = server.putArray("routes");
        ObjectNode route = routes.addObject();
        route.putArray("match").addObject().putArray("host").add(HOST);
        route.putArray("handle").addObject().put("handler", "reverse_proxy").putArray("upstreams").addObject()
                .put("dial", "127.0.0.1:" + upstreamPort);
        route.put("terminal", true);
        return config;
    }

    private static Process caddy(Path dir, String name, ObjectNode config) throws IOException {
        Path file = dir.resolve("caddy-" + name + ".json");
        Files.writeString(file, JSON.writeValueAsString(config));
        return new ProcessBuilder("caddy", "run", "--config", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("caddy-" + name + ".out").toFile()).start();
    }

    private static void awaitListening(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        throw new IllegalStateException("caddy did not listen on 127.0.0.1:" + port + " within 20 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
