package dev.paas.metrics.containers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads container metrics series from the storage tier that still covers the period: raw samples within their
 * 24 h, 1-minute rollups within 7 days, hourly rollups beyond. Callers check ownership first.
 */
@Service
public class ContainerMetrics {

    private final JdbcTemplate jdbc;
    private final ContainersProperties properties;
    private final Clock clock;

    ContainerMetrics(JdbcTemplate jdbc, ContainersProperties properties, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The sampling interval: the finest step there is. */
    public Duration interval() {
        return properties.interval();
    }

    /** How far back metrics are kept. */
    public Duration retention() {
        return properties.hourRetention();
    }

    /** Now, as the metrics see it. */
    public Instant now() {
        return clock.instant();
    }

    /** The containers of a project's app over {@code [from, to)} in steps of {@code step}. */
    public ContainerMetricSeries ofProject(UUID projectId, Instant from, Instant to, Duration step) {
        return series("project_id", projectId, from, to, step);
    }

    /** The containers of a database over {@code [from, to)} in steps of {@code step}. */
    public ContainerMetricSeries ofDatabase(UUID databaseId, Instant from, Instant to, Duration step) {
        return series("database_id", databaseId, from, to, step);
    }

    private ContainerMetricSeries series(String column, UUID id, Instant from, Instant to, Duration step) {
        Instant now = clock.instant();
        String resolution = !from.isBefore(now.minus(properties.rawRetention())) ? "raw"
                : !from.isBefore(now.minus(properties.minuteRetention())) ? "1m" : "1h";
        double stepSeconds = step.toSeconds();
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        List<Row> rows = resolution.equals("raw")
                ? jdbc.query("""
                        select container_id, instance, date_bin(make_interval(secs => ?), bucket_at, ?) as at,
                            avg(cpu_percent), avg(memory_bytes)::bigint, max(memory_limit_bytes), sum(rx_delta),
                            sum(tx_delta), sum(read_delta), sum(write_delta)
                        from (%s) deltas
                        where bucket_at >= ?
                        group by container_id, instance, at
                        order by instance, container_id, at""".formatted(RawDeltas.SELECT.formatted(
                                "and " + column + " = ?")),
                        ContainerMetrics::row, stepSeconds, start, start, end, id, start)
                : jdbc.query("""
                        select container_id, instance, date_bin(make_interval(secs => ?), bucket_at, ?) as at,
                            sum(cpu_percent_avg * samples) / sum(samples),
                            (sum(memory_bytes_avg::numeric * samples) / sum(samples))::bigint,
                            max(memory_limit_bytes), sum(network_rx_delta), sum(network_tx_delta),
                            sum(block_read_delta), sum(block_write_delta)
                        from container_rollups
                        where resolution = ? and %s = ? and bucket_at >= ? and bucket_at < ?
                        group by container_id, instance, at
                        order by instance, container_id, at""".formatted(column),
                        ContainerMetrics::row, stepSeconds, start, resolution, id, start, end);
        Map<String, List<MetricPoint>> byContainer = new LinkedHashMap<>();
        Map<String, Integer> instances = new LinkedHashMap<>();
        TreeMap<Instant, MetricPoint> total = new TreeMap<>();
        for (Row row : rows) {
            byContainer.computeIfAbsent(row.containerId(), key -> new ArrayList<>()).add(row.point());
            instances.put(row.containerId(), row.instance());
            total.merge(row.point().at(), row.point(), MetricPoint::plus);
        }
        List<ContainerMetricSeries.InstanceSeries> series = new ArrayList<>();
        byContainer.forEach((container, points) -> series.add(
                new ContainerMetricSeries.InstanceSeries(instances.get(container), container, List.copyOf(points))));
        return new ContainerMetricSeries(from, to, step.toSeconds(), resolution, series, List.copyOf(total.values()));
    }

    private record Row(String containerId, int instance, MetricPoint point) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getInt(2), new MetricPoint(rs.getTimestamp(3).toInstant(),
                rs.getDouble(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10)));
    }
}
