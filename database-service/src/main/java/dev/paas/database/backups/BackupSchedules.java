package dev.paas.database.backups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The schedule rows, one per database. */
@Repository
class BackupSchedules {

    private final JdbcTemplate jdbc;

    BackupSchedules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BackupSchedule> find(UUID databaseId) {
        return jdbc.query("select * from backup_schedules where database_id = ?", BackupSchedules::map, databaseId)
                .stream().findFirst();
    }

    /** Adds {@code schedule} unless the database has one. */
    void addIfMissing(BackupSchedule schedule) {
        jdbc.update("""
                insert into backup_schedules (database_id, cron, retention_days, enabled, next_run_at)
                values (?, ?, ?, ?, ?) on conflict (database_id) do nothing""", schedule.databaseId(),
                schedule.cron(), schedule.retentionDays(), schedule.enabled(), Timestamp.from(schedule.nextRunAt()));
    }

    void put(BackupSchedule schedule) {
        jdbc.update("""
                insert into backup_schedules (database_id, cron, retention_days, enabled, next_run_at)
                values (?, ?, ?, ?, ?) on conflict (database_id) do update set cron = excluded.cron,
                    retention_days = excluded.retention_days, enabled = excluded.enabled,
                    next_run_at = excluded.next_run_at""", schedule.databaseId(), schedule.cron(),
                schedule.retentionDays(), schedule.enabled(), Timestamp.from(schedule.nextRunAt()));
    }

    List<UUID> withoutSchedule(List<UUID> databaseIds) {
        if (databaseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select id from unnest(?::uuid[]) as given(id)
                where not exists (select 1 from backup_schedules s where s.database_id = given.id)""",
                (rs, n) -> rs.getObject(1, UUID.class), (Object) databaseIds.toArray(UUID[]::new));
    }

    List<BackupSchedule> due(Instant now) {
        return jdbc.query("select * from backup_schedules where enabled and next_run_at <= ? order by next_run_at",
                BackupSchedules::map, Timestamp.from(now));
    }

    /** Moves the next run from {@code expected} to {@code next}; false when another replica did it first. */
    boolean advance(UUID databaseId, Instant expected, Instant next) {
        return jdbc.update("update backup_schedules set next_run_at = ? where database_id = ? and next_run_at = ?",
                Timestamp.from(next), databaseId, Timestamp.from(expected)) == 1;
    }

    void delete(UUID databaseId) {
        jdbc.update("delete from backup_schedules where database_id = ?", databaseId);
    }

    private static BackupSchedule map(ResultSet rs, int row) throws SQLException {
        return new BackupSchedule(rs.getObject("database_id", UUID.class), rs.getString("cron"),
                rs.getInt("retention_days"), rs.getBoolean("enabled"), rs.getTimestamp("next_run_at").toInstant());
    }
}
