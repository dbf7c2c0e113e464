package dev.paas.runtime.logs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored lines of app containers ({@code runtime_log_lines}). */
@Repository
class StoredLogs {

    private static final String COLUMNS = "id, ts, instance, container_id, stream, level, line";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    StoredLogs(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A line to store. */
    record NewLine(UUID projectId, String containerId, int instance, Instant ts, String stream, LogLevel level,
            String line) {
    }

    /** Stores the lines in one batch, in the caller's transaction. */
    void insert(List<NewLine> lines) {
        batches.batchUpdate("""
                INSERT INTO runtime_log_lines (project_id, container_id, instance, ts, stream, level, line)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", lines, 500, (statement, line) -> {
            statement.setObject(1, line.projectId());
            statement.setString(2, line.containerId());
            statement.setInt(3, line.instance());
            statement.setTimestamp(4, Timestamp.from(line.ts()));
            statement.setString(5, line.stream());
            statement.setString(6, line.level().wireName());
            statement.setString(7, line.line());
        });
    }

    /** The newest {@code query.limit()} lines of the query's range, oldest first. */
    List<RuntimeLogLine> newest(UUID projectId, LogQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", projectId)
                .addValue("limit", query.limit());
        String where = filters(query, params);
        List<RuntimeLogLine> lines = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS + " FROM runtime_log_lines"
                        + " WHERE project_id = :project" + where + " ORDER BY ts DESC, id DESC LIMIT :limit")
                .paramSource(params)
                .query(StoredLogs::line)
                .list());
        Collections.reverse(lines);
        return lines;
    }

    /**
     * Up to {@code max} lines stored after line {@code afterId} that match the query's level and instance filters
     * and were stored at least {@code settle} ago, in the order they were stored.
     */
    List<RuntimeLogLine> after(UUID projectId, long afterId, LogQuery query, Duration settle, int max) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", projectId)
                .addValue("after", afterId)
                .addValue("settle", settle.toMillis() / 1000.0)
                .addValue("max", max);
        String where = filters(new LogQuery(null, null, query.minLevel(), query.instance(), query.limit()), params);
        return jdbc.sql("SELECT " + COLUMNS + " FROM runtime_log_lines WHERE project_id = :project AND id > :after"
                        + " AND stored_at <= now() - make_interval(secs => :settle)" + where
                        + " ORDER BY id LIMIT :max")
                .paramSource(params)
                .query(StoredLogs::line)
                .list();
    }

    /** The id of the last line of the project stored at least {@code settle} ago; 0 when there is none. */
    long lastSettledId(UUID projectId, Duration settle) {
        return jdbc.sql("""
                SELECT coalesce(max(id), 0) FROM runtime_log_lines
                WHERE project_id = :project AND stored_at <= now() - make_interval(secs => :settle)""")
                .param("project", projectId)
                .param("settle", settle.toMillis() / 1000.0)
                .query(Long.class)
                .single();
    }

    /** {@link LogCollector#key}s of the container's lines written from {@code from} on. */
    Set<String> keysSince(UUID projectId, String containerId, Instant from) {
        return new HashSet<>(jdbc.sql("""
                SELECT ts, stream, line FROM runtime_log_lines WHERE project_id = :project AND container_id = :container
                AND ts >= :from""")
                .param("project", projectId)
                .param("container", containerId)
                .param("from", Timestamp.from(from))
                .query((row, n) -> LogCollector.key(row.getTimestamp("ts").toInstant(), row.getString("stream"),
                        row.getString("line")))
                .list());
    }

    /** Forgets every line of the project. */
    int deleteProject(UUID projectId) {
        return jdbc.sql("DELETE FROM runtime_log_lines WHERE project_id = :project")
                .param("project", projectId)
                .update();
    }

    /** Deletes lines written before {@code before}. */
    int deleteOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM runtime_log_lines WHERE ts < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /** Projects that keep more than {@code max} lines. */
    List<UUID> projectsWithMoreThan(int max) {
        return jdbc.sql("SELECT project_id FROM runtime_log_lines GROUP BY project_id HAVING count(*) > :max")
                .param("max", max)
                .query(UUID.class)
                .list();
    }

    /** Deletes all but the newest {@code keep} lines of the project. */
    int keepNewest(UUID projectId, int keep) {
        return jdbc.sql("""
                DELETE FROM runtime_log_lines WHERE project_id = :project AND id IN (
                    SELECT id FROM runtime_log_lines WHERE project_id = :project
                    ORDER BY ts DESC, id DESC OFFSET :keep)""")
                .param("project", projectId)
                .param("keep", keep)
                .update();
    }

    private static String filters(LogQuery query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder();
        if (query.since() != null) {
            where.append(" AND ts >= :since");
            params.addValue("since", Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            where.append(" AND ts < :until");
            params.addValue("until", Timestamp.from(query.until()));
        }
        if (query.minLevel() != null) {
            where.append(" AND level IN (:levels)");
            params.addValue("levels", query.minLevel().andAbove().stream().map(LogLevel::wireName).toList());
        }
        if (query.instance() != null) {
            where.append(" AND instance = :instance");
            params.addValue("instance", query.instance());
        }
        return where.toString();
    }

    private static RuntimeLogLine line(ResultSet row, int number) throws SQLException {
        return new RuntimeLogLine(row.getLong("id"), row.getTimestamp("ts").toInstant(), row.getInt("instance"),
                row.getString("container_id"), row.getString("stream"),
                LogLevel.valueOf(row.getString("level").toUpperCase(Locale.ROOT)), row.getString("line"));
    }
}
