package dev.paas.metrics.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A project's request analytics over a time range: totals, a series per minute (ranges up to six hours) or per hour,
 * the most requested paths and the unique visitors per day. Ownership is the caller's business.
 */
@Service
public class ProjectAnalytics {

    /** Ranges up to this long are answered per minute, longer ones per hour. */
    public static final Duration MINUTE_SERIES_UP_TO = Duration.ofHours(6);

    private final AnalyticsStore store;
    private final AnalyticsProperties properties;

    ProjectAnalytics(AnalyticsStore store, AnalyticsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The analytics of {@code projectId} for requests in {@code [from, to)}. */
    public Report report(UUID projectId, Instant from, Instant to) {
        ChronoUnit step = Duration.between(from, to).compareTo(MINUTE_SERIES_UP_TO) <= 0 ? ChronoUnit.MINUTES
                : ChronoUnit.HOURS;
        RequestCounts total = new RequestCounts();
        Map<Instant, RequestCounts> buckets = new TreeMap<>();
        for (AnalyticsStore.StoredMinute minute : store.minutes(projectId, from, to)) {
            total.add(minute.counts());
            buckets.computeIfAbsent(minute.minute().truncatedTo(step), key -> new RequestCounts()).add(minute.counts());
        }
        List<Point> series = new ArrayList<>(buckets.size());
        buckets.forEach((at, counts) -> series.add(new Point(at, Totals.of(counts))));
        List<PathCount> paths = total.topPaths(properties.topPaths()).entrySet().stream()
                .map(entry -> new PathCount(entry.getKey(), entry.getValue())).toList();
        List<VisitorsOnDay> visitors = store.dailyVisitors(projectId, LocalDate.ofInstant(from, ZoneOffset.UTC),
                LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC)).stream()
                .map(day -> new VisitorsOnDay(day.day(), day.visitors())).toList();
        return new Report(projectId, from, to, step == ChronoUnit.MINUTES ? "minute" : "hour", Totals.of(total),
                series, paths, visitors);
    }

    /**
     * A project's analytics.
     *
     * @param granularity {@code minute} or {@code hour}: the width of each point of {@code series}
     * @param topPaths the most requested paths of the range (paths without query strings)
     * @param visitorsPerDay unique visitors per UTC day touched by the range (whole days)
     */
    public record Report(UUID projectId, Instant from, Instant to, String granularity, Totals totals,
            List<Point> series, List<PathCount> topPaths, List<VisitorsOnDay> visitorsPerDay) {
    }

    /**
     * Requests of a range or a bucket.
     *
     * @param latencyMs p50, p95 and p99 in milliseconds (bucket upper bounds, within about 41 %); null without requests
     */
    public record Totals(long requests, StatusMix status, Latency latencyMs, long bytesSent) {

        static Totals of(RequestCounts counts) {
            LatencyHistogram latency = counts.latency();
            return new Totals(counts.requests(), new StatusMix(counts.status2xx(), counts.status3xx(),
                    counts.status4xx(), counts.status5xx()), new Latency(latency.percentileMillis(0.5),
                    latency.percentileMillis(0.95), latency.percentileMillis(0.99)), counts.bytesSent());
        }
    }

    /** Responses per status class. */
    public record StatusMix(long s2xx, long s3xx, long s4xx, long s5xx) {
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(Double p50, Double p95, Double p99) {
    }

    /** The requests of one bucket starting at {@code at}. */
    public record Point(Instant at, Totals totals) {
    }

    /** How often a path was requested. */
    public record PathCount(String path, long requests) {
    }

    /** Unique visitors on one UTC day. */
    public record VisitorsOnDay(LocalDate day, long visitors) {
    }
}
