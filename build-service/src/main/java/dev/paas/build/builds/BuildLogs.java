package dev.paas.build.builds;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Build logs, one row per line with its time and phase, written in batches while the build runs so the log can be
 * read, and followed, while it grows.
 *
 * <p><b>Phases.</b> Every line belongs to one {@link BuildPhase}; the first line of a phase is its marker. The runner
 * marks {@code clone}, {@code detect}, the start of the image build, {@code image} (the image is built and inspected)
 * and {@code deploy} (the hand-over to runtime-service: {@code ImageBuilt} is published right after). Inside the
 * Docker build, {@code install} and {@code build} come from the Dockerfile: a comment line
 * <pre>
 * # paas-phase: install
 * RUN npm ci
 * </pre>
 * puts the instruction after it, and every later one up to the next such comment, in that phase ({@code install},
 * {@code build} or {@code image}). Steps before the first marker, and every step of a Dockerfile without markers (a
 * repository's own), are {@code build}. Markers are ignored when the builder counts a different number of steps than
 * the Dockerfile has instructions (a changed escape character, for one).
 *
 * <p><b>Cap.</b> A log keeps at most {@code paas.build.logs.max-bytes} of text (10 MB): the line that would pass it is
 * replaced by {@code [log truncated at 10 MB: ...]}, later output is dropped while the build goes on, and only the
 * runner's few lines (the outcome) are still kept, within the cap.
 *
 * <p><b>Order.</b> A line's id is its row id. One writer appends a build's log at a time and writes its batches one
 * after the other, so ids increase along a build's log in the order readers can see them: a reader resumes after the
 * last id it saw without gaps or duplicates.
 */
@Repository
class BuildLogs {

    private static final Logger log = LoggerFactory.getLogger(BuildLogs.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final LogSignals signals;
    private final Clock clock;
    private final BuildLogProperties properties;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "build-log-flush");
        thread.setDaemon(true);
        return thread;
    });

    BuildLogs(JdbcClient jdbc, JdbcTemplate batches, LogSignals signals, Clock clock, BuildLogProperties properties) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.signals = signals;
        this.clock = clock;
        this.properties = properties;
    }

    /** A writer for one run of a build; a resumed build's log goes on under the same cap. */
    BuildLogWriter writer(UUID buildId) {
        return new BuildLogWriter(buildId, this::insert, () -> signals.raise(buildId), flusher, clock, properties,
                storedBytes(buildId));
    }

    /** The whole log, oldest line first. */
    List<LogLine> lines(UUID buildId) {
        return after(buildId, 0, Integer.MAX_VALUE);
    }

    /** At most {@code limit} lines after the line {@code afterId}, oldest first. */
    List<LogLine> after(UUID buildId, long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, logged_at, phase, marker, line FROM build_log_lines
                WHERE build_id = ? AND id > ? ORDER BY id LIMIT ?""")
                .params(buildId, afterId, limit)
                .query(BuildLogs::line)
                .list();
    }

    /** The bytes of text the log holds. */
    long storedBytes(UUID buildId) {
        return jdbc.sql("SELECT coalesce(sum(octet_length(line)), 0) FROM build_log_lines WHERE build_id = ?")
                .param(buildId)
                .query(Long.class)
                .single();
    }

    /** One batch in one round trip; a database hiccup loses the batch, never the build. */
    private void insert(UUID buildId, List<BuildLogWriter.Pending> lines) {
        try {
            batches.batchUpdate("INSERT INTO build_log_lines (build_id, logged_at, phase, marker, line)"
                    + " VALUES (?, ?, ?, ?, ?)", lines, lines.size(), (statement, line) -> {
                        statement.setObject(1, buildId);
                        statement.setObject(2, OffsetDateTime.ofInstant(line.at(), ZoneOffset.UTC));
                        statement.setString(3, line.phase() == null ? null : line.phase().wireName());
                        statement.setBoolean(4, line.marker());
                        statement.setString(5, line.text());
                    });
        } catch (DataAccessException e) {
            log.warn("could not store {} log lines of build {}: {}", lines.size(), buildId, e.getMessage());
        }
    }

    @PreDestroy
    void shutdown() {
        flusher.shutdown();
    }

    private static LogLine line(ResultSet row, int number) throws SQLException {
        String phase = row.getString("phase");
        return new LogLine(row.getLong("id"), row.getTimestamp("logged_at").toInstant(),
                phase == null ? null : BuildPhase.ofWireName(phase).orElse(null), row.getBoolean("marker"),
                row.getString("line"));
    }
}
