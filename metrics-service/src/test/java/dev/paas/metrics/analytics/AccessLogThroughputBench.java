package dev.paas.metrics.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The tail's throughput (run by infra/bench/analytics.sh): writes realistic access log lines (20 projects, 200
 * paths, 1,000 visitors, a status mix, 2,000 requests per second of log time) to a temporary file, then reads it as
 * the tail does (1 MiB chunks, the same {@link AccessLogCounter}) and prints lines per second, best of three runs.
 * The database flush (one transaction every two seconds, per project and minute, not per line) is not included.
 */
public final class AccessLogThroughputBench {

    private static final int PROJECTS = 20;

    private AccessLogThroughputBench() {
    }

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("paas-access-bench", ".log");
        try {
            Map<String, UUID> projects = new HashMap<>();
            for (int i = 0; i < PROJECTS; i++) {
                projects.put("app-" + i + ".paas.localhost", UUID.randomUUID());
            }
            long generated = System.nanoTime();
            write(file, lines);
            System.out.printf(Locale.ROOT, "generated %,d lines (%.0f MB) in %.1f s%n", lines,
                    Files.size(file) / 1e6, (System.nanoTime() - generated) / 1e9);
            double best = 0;
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                long counted = read(file, projects);
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = counted / seconds;
                best = Math.max(best, rate);
                System.out.printf(Locale.ROOT, "run %d: %,d lines in %.2f s = %,.0f lines/s%n", run, counted, seconds,
                        rate);
            }
            System.out.printf(Locale.ROOT, "access-log tail: %,.0f lines/s (best of 3; ingress target 2,000 req/s)%n",
                    best);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long read(Path file, Map<String, UUID> projects) throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Counter read = meters.counter("read");
        AccessLogCounter counter = new AccessLogCounter(
                new HostAttribution(host -> Optional.ofNullable(projects.get(host)), Duration.ofSeconds(30)),
                new VisitorHashes("bench"), read, meters.counter("unattributed"));
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long offset = 0;
        long lastFlush = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int n = channel.read(buffer.clear(), offset); n > 0; n = channel.read(buffer.clear(), offset)) {
                offset += counter.countLines(buffer.array(), n);
                if (System.nanoTime() - lastFlush > 2_000_000_000L) {
                    counter.pending().clear();
                    lastFlush = System.nanoTime();
                }
            }
        }
        return (long) read.count();
    }

    private static void write(Path file, int lines) throws IOException {
        Random random = new Random(42);
        Instant start = Instant.now().minus(Duration.ofHours(1));
        String[] agents = {"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
            "curl/8.5.0"};
        int[] statuses = {200, 200, 200, 200, 200, 200, 200, 304, 301, 404, 404, 500};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                Instant at = start.plusNanos(i * 500_000L);
                String host = "app-" + random.nextInt(PROJECTS) + ".paas.localhost";
                String uri = "/catalog/item-" + random.nextInt(200) + "?ref=" + random.nextInt(1000);
                int visitor = random.nextInt(1000);
                String address = "203.0." + (visitor / 250) + "." + (visitor % 250);
                out.write(CaddyLogLines.line(at, random.nextInt(50) == 0 ? "unknown.example" : host, uri, address,
                        agents[visitor % agents.length], statuses[random.nextInt(statuses.length)],
                        random.nextInt(40_000), 0.0005 + random.nextDouble() * random.nextDouble() * 0.2));
                out.write('\n');
            }
        }
    }
}
