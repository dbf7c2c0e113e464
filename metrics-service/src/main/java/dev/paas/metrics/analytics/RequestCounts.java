package dev.paas.metrics.analytics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests of one project in one time bucket: how many, their status classes, bytes sent, the latency histogram
 * and the requests per path. Counts of two buckets add up ({@link #add}), which is how minutes become hours, a
 * flush is merged into the stored minute, and a range gets its totals.
 */
final class RequestCounts {

    private long requests;
    private long status2xx;
    private long status3xx;
    private long status4xx;
    private long status5xx;
    private long bytesSent;
    private final LatencyHistogram latency;
    private final Map<String, Long> paths;

    RequestCounts() {
        this(0, 0, 0, 0, 0, 0, new LatencyHistogram(), new HashMap<>());
    }

    RequestCounts(long requests, long status2xx, long status3xx, long status4xx, long status5xx, long bytesSent,
            LatencyHistogram latency, Map<String, Long> paths) {
        this.requests = requests;
        this.status2xx = status2xx;
        this.status3xx = status3xx;
        this.status4xx = status4xx;
        this.status5xx = status5xx;
        this.bytesSent = bytesSent;
        this.latency = latency;
        this.paths = new HashMap<>(paths);
    }

    void record(AccessLogLine line) {
        requests++;
        switch (line.status() / 100) {
            case 2 -> status2xx++;
            case 3 -> status3xx++;
            case 4 -> status4xx++;
            case 5 -> status5xx++;
            default -> {
                // 1xx and nonsense statuses count as requests only
            }
        }
        bytesSent += Math.max(0, line.bytesSent());
        latency.record(line.durationSeconds() * 1000);
        paths.merge(line.path(), 1L, Long::sum);
    }

    void add(RequestCounts other) {
        requests += other.requests;
        status2xx += other.status2xx;
        status3xx += other.status3xx;
        status4xx += other.status4xx;
        status5xx += other.status5xx;
        bytesSent += other.bytesSent;
        latency.add(other.latency);
        other.paths.forEach((path, count) -> paths.merge(path, count, Long::sum));
    }

    /** The {@code limit} most requested paths, most requested first (ties by path). */
    Map<String, Long> topPaths(int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        paths.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    long requests() {
        return requests;
    }

    long status2xx() {
        return status2xx;
    }

    long status3xx() {
        return status3xx;
    }

    long status4xx() {
        return status4xx;
    }

    long status5xx() {
        return status5xx;
    }

    long bytesSent() {
        return bytesSent;
    }

    LatencyHistogram latency() {
        return latency;
    }
}
