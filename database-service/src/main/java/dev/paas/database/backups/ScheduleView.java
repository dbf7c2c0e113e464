package dev.paas.database.backups;

import java.time.Instant;

/** A database's backup schedule as the API shows and takes it ({@code nextRunAt} is ignored on input). */
public record ScheduleView(String cron, Integer retentionDays, Boolean enabled, Instant nextRunAt) {
}
