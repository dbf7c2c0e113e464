package dev.paas.database.backups;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a database is backed up by itself: a Spring 6-field cron in UTC, how long its backups are kept, and the next
 * run, which the scheduling pass moves on with a compare-and-set.
 */
record BackupSchedule(UUID databaseId, String cron, int retentionDays, boolean enabled, Instant nextRunAt) {

    static final int MIN_RETENTION_DAYS = 1;
    static final int MAX_RETENTION_DAYS = 365;

    /** The first run of {@code cron} strictly after {@code after}. */
    static Instant nextRun(String cron, Instant after) {
        var next = CronExpression.parse(cron).next(after.atZone(ZoneOffset.UTC));
        if (next == null) {
            throw new IllegalArgumentException("cron " + cron + " never runs again");
        }
        return next.toInstant();
    }

    /** Why {@code cron} and {@code retentionDays} cannot be a schedule, or {@code null} when they can. */
    static String problemWith(String field, String cron, Integer retentionDays) {
        if ("cron".equals(field)) {
            if (cron == null || cron.isBlank()) {
                return "is required: a 6-field cron (second minute hour day month weekday), e.g. 0 0 3 * * *";
            }
            if (!CronExpression.isValidExpression(cron)) {
                return "is not a valid 6-field cron (second minute hour day month weekday): " + cron;
            }
            return null;
        }
        if (retentionDays == null) {
            return "is required: the days a backup is kept, " + MIN_RETENTION_DAYS + " to " + MAX_RETENTION_DAYS;
        }
        if (retentionDays < MIN_RETENTION_DAYS || retentionDays > MAX_RETENTION_DAYS) {
            return "must be between " + MIN_RETENTION_DAYS + " and " + MAX_RETENTION_DAYS + ", not " + retentionDays;
        }
        return null;
    }

    ScheduleView view() {
        return new ScheduleView(cron, retentionDays, enabled, nextRunAt);
    }
}
