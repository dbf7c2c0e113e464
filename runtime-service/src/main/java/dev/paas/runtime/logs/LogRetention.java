package dev.paas.runtime.logs;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the retention limits every {@code trim-interval}: lines older than {@code retention} go, and of each
 * project only the newest {@code max-lines-per-project} stay. One replica at a time trims (a transaction-scoped
 * advisory lock; the others skip that round), and two trimming at once would still only delete the same rows.
 */
@Component
class LogRetention {

    private static final Logger log = LoggerFactory.getLogger(LogRetention.class);
    /** The advisory lock key: "runtime-logs-trim" hashed, any number no other lock in this database uses. */
    private static final long LOCK = 0x72756e6c6f677321L;

    private final StoredLogs stored;
    private final LogCursors cursors;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LogProperties properties;
    private final Clock clock;

    LogRetention(StoredLogs stored, LogCursors cursors, JdbcClient jdbc, TransactionTemplate transactions,
            LogProperties properties, Clock clock) {
        this.stored = stored;
        this.cursors = cursors;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paas.runtime.logs.trim-interval:1m}",
            initialDelayString = "${paas.runtime.logs.trim-interval:1m}")
    void scheduledTrim() {
        try {
            trim();
        } catch (RuntimeException e) {
            log.warn("trimming stored app logs failed, next round retries: {}", e.toString());
        }
    }

    /** Trims once; returns how many lines were deleted ({@code -1} when another replica was trimming). */
    int trim() {
        Integer deleted = transactions.execute(status -> {
            boolean locked = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
                    .param("key", LOCK)
                    .query(Boolean.class)
                    .single());
            if (!locked) {
                return -1;
            }
            Instant before = clock.instant().minus(properties.retention());
            int count = stored.deleteOlderThan(before);
            for (UUID projectId : stored.projectsWithMoreThan(properties.maxLinesPerProject())) {
                count += stored.keepNewest(projectId, properties.maxLinesPerProject());
            }
            cursors.deleteIdleBefore(before);
            return count;
        });
        if (deleted != null && deleted > 0) {
            log.debug("trimmed {} stored app log lines", deleted);
        }
        return deleted == null ? 0 : deleted;
    }
}
