package dev.paas.metrics.analytics;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics tables: counts per project and minute, visitor hashes and daily visitor counts, and the tail's
 * position and lease per access log.
 */
@Repository
class AnalyticsStore {

    private static final TypeReference<Map<String, Long>> PATHS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    AnalyticsStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Leases the tail of {@code logPath} to {@code owner} when nobody else holds it (or their lease ran out);
     * returns the position to resume from, empty when another replica holds it.
     */
    Optional<TailPosition> acquire(String logPath, String owner, Duration lease) {
        return transactions.execute(status -> {
            jdbc.update("""
                    insert into analytics_tail_positions (log_path, file_offset, updated_at) values (?, 0, now())
                    on conflict (log_path) do nothing""", logPath);
            return jdbc.query("""
                    update analytics_tail_positions set lease_owner = ?,
                        lease_until = now() + ? * interval '1 millisecond'
                    where log_path = ? and (lease_owner is null or lease_owner = ? or lease_until < now())
                    returning file_key, file_offset""",
                    (rs, row) -> new TailPosition(rs.getString("file_key"), rs.getLong("file_offset")),
                    owner, lease.toMillis(), logPath, owner).stream().findFirst();
        });
    }

    /** Gives the lease up, so another replica can take over at once. */
    void release(String logPath, String owner) {
        jdbc.update("""
                update analytics_tail_positions set lease_owner = null, lease_until = null
                where log_path = ? and lease_owner = ?""", logPath, owner);
    }

    /**
     * Adds what the tail read to the stored counts and moves its position to {@code position}, in one transaction:
     * after a crash the tail resumes exactly after the last line counted. Renews the lease; throws
     * {@link LeaseLost} (changing nothing) when it is not {@code owner}'s any more.
     */
    void flush(String logPath, String owner, Duration lease, TailPosition position, PendingAnalytics pending,
            int topPaths) {
        transactions.executeWithoutResult(status -> {
            int held = jdbc.update("""
                    update analytics_tail_positions set file_key = ?, file_offset = ?, updated_at = now(),
                        lease_until = now() + ? * interval '1 millisecond'
                    where log_path = ? and lease_owner = ?""", position.fileKey(), position.offset(),
                    lease.toMillis(), logPath, owner);
            if (held == 0) {
                throw new LeaseLost(logPath, owner);
            }
            pending.minutes().forEach((key, counts) -> addMinute(key, counts, topPaths));
            pending.visitors().forEach(this::addVisitors);
        });
    }

    private void addMinute(PendingAnalytics.ProjectMinute key, RequestCounts counts, int topPaths) {
        Timestamp minute = Timestamp.from(key.minute());
        List<StoredMinute> stored = jdbc.query("""
                select * from analytics_minutes where project_id = ? and bucket_start = ? for update""",
                this::minute, key.projectId(), minute);
        RequestCounts merged = new RequestCounts();
        stored.forEach(row -> merged.add(row.counts()));
        merged.add(counts);
        jdbc.update("""
                insert into analytics_minutes (project_id, bucket_start, requests, status_2xx, status_3xx, status_4xx,
                    status_5xx, bytes_sent, latency_histogram, top_paths)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?::jsonb)
                on conflict (project_id, bucket_start) do update set requests = excluded.requests,
                    status_2xx = excluded.status_2xx, status_3xx = excluded.status_3xx,
                    status_4xx = excluded.status_4xx, status_5xx = excluded.status_5xx,
                    bytes_sent = excluded.bytes_sent, latency_histogram = excluded.latency_histogram,
                    top_paths = excluded.top_paths""",
                key.projectId(), minute, merged.requests(), merged.status2xx(), merged.status3xx(),
                merged.status4xx(), merged.status5xx(), merged.bytesSent(), arrayLiteral(merged.latency().counts()),
                json.writeValueAsString(merged.topPaths(topPaths)));
    }

    private void addVisitors(PendingAnalytics.ProjectDay key, Set<String> hashes) {
        java.sql.Date day = java.sql.Date.valueOf(key.day());
        List<Object[]> rows = hashes.stream().map(hash -> new Object[] {key.projectId(), day, hash}).toList();
        jdbc.batchUpdate("""
                insert into analytics_visitor_hashes (project_id, day, visitor_hash) values (?, ?, ?)
                on conflict do nothing""", rows);
        // Once the hashes of an old day are gone, a late line must not shrink the count kept for that day.
        jdbc.update("""
                insert into analytics_daily_visitors (project_id, day, visitors)
                select ?, ?, count(*) from analytics_visitor_hashes where project_id = ? and day = ?
                on conflict (project_id, day) do update
                    set visitors = greatest(analytics_daily_visitors.visitors, excluded.visitors)""",
                key.projectId(), day, key.projectId(), day);
    }

    /** The stored minutes of a project in {@code [from, to)}, oldest first. */
    List<StoredMinute> minutes(UUID projectId, Instant from, Instant to) {
        return jdbc.query("""
                select * from analytics_minutes where project_id = ? and bucket_start >= ? and bucket_start < ?
                order by bucket_start""", this::minute, projectId, Timestamp.from(from), Timestamp.from(to));
    }

    /** Unique visitors of a project per day in {@code [from, to]}, oldest first. */
    List<DailyVisitors> dailyVisitors(UUID projectId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select day, visitors from analytics_daily_visitors where project_id = ? and day between ? and ?
                order by day""", (rs, row) -> new DailyVisitors(rs.getDate("day").toLocalDate(),
                rs.getLong("visitors")), projectId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
    }

    /** Deletes minutes before {@code minutesBefore} and visitor hashes of days before {@code hashesBefore}. */
    int deleteOlderThan(Instant minutesBefore, LocalDate hashesBefore) {
        return jdbc.update("delete from analytics_minutes where bucket_start < ?", Timestamp.from(minutesBefore))
                + jdbc.update("delete from analytics_visitor_hashes where day < ?", java.sql.Date.valueOf(hashesBefore))
                + jdbc.update("delete from analytics_daily_visitors where day < ?",
                        java.sql.Date.valueOf(LocalDate.ofInstant(minutesBefore, java.time.ZoneOffset.UTC)));
    }

    private StoredMinute minute(ResultSet rs, int row) throws SQLException {
        Array histogram = rs.getArray("latency_histogram");
        Object[] values = (Object[]) histogram.getArray();
        long[] counts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            counts[i] = ((Number) values[i]).longValue();
        }
        Map<String, Long> paths = json.readValue(rs.getString("top_paths"), PATHS);
        return new StoredMinute(rs.getTimestamp("bucket_start").toInstant(), new RequestCounts(rs.getLong("requests"),
                rs.getLong("status_2xx"), rs.getLong("status_3xx"), rs.getLong("status_4xx"),
                rs.getLong("status_5xx"), rs.getLong("bytes_sent"), LatencyHistogram.of(counts), paths));
    }

    /** A PostgreSQL array literal of whole numbers ({@code {1,0,3}}). */
    private static String arrayLiteral(long[] values) {
        List<String> parts = new ArrayList<>(values.length);
        for (long value : values) {
            parts.add(Long.toString(value));
        }
        return parts.stream().collect(Collectors.joining(",", "{", "}"));
    }

    /** One stored minute of a project. */
    record StoredMinute(Instant minute, RequestCounts counts) {
    }

    /** Unique visitors of a project on one day (UTC). */
    record DailyVisitors(LocalDate day, long visitors) {
    }
}
