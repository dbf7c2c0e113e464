package dev.paas.build.builds;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Build logs, one row per line, written as the build runs so the log can be read while it grows. Appending is one
 * insert per line; reading is one ordered scan of the build's lines.
 */
@Repository
class BuildLogs {

    private static final Logger log = LoggerFactory.getLogger(BuildLogs.class);

    private final JdbcClient jdbc;

    BuildLogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A writer for one run of a build that keeps at most {@code maxLines} lines in the log. */
    Writer writer(UUID buildId, int maxLines) {
        return new Writer(buildId, maxLines, count(buildId));
    }

    List<String> lines(UUID buildId) {
        return jdbc.sql("SELECT line FROM build_log_lines WHERE build_id = ? ORDER BY id")
                .param(buildId)
                .query(String.class)
                .list();
    }

    private int count(UUID buildId) {
        return jdbc.sql("SELECT count(*) FROM build_log_lines WHERE build_id = ?")
                .param(buildId)
                .query(Integer.class)
                .single();
    }

    private void insert(UUID buildId, String line) {
        jdbc.sql("INSERT INTO build_log_lines (build_id, line) VALUES (?, ?)")
                .params(buildId, line)
                .update();
    }

    /** Appends lines to one build's log; a database hiccup loses a line, never the build. */
    final class Writer implements Consumer<String> {

        private final UUID buildId;
        private final int maxLines;
        private int lines;

        private Writer(UUID buildId, int maxLines, int lines) {
            this.buildId = buildId;
            this.maxLines = maxLines;
            this.lines = lines;
        }

        @Override
        public synchronized void accept(String line) {
            if (lines > maxLines) {
                return;
            }
            String text = lines == maxLines
                    ? "[log truncated: only the first " + maxLines + " lines are kept]"
                    : line.replace("\u0000", "");
            lines++;
            try {
                insert(buildId, text);
            } catch (DataAccessException e) {
                log.warn("could not store a log line of build {}: {}", buildId, e.getMessage());
            }
        }
    }
}
