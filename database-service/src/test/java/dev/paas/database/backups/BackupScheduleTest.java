package dev.paas.database.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.database.engine.DatabaseType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    @Test
    void defaultCronRunsDailyAtThreeUtc() {
        assertThat(BackupSchedule.nextRun("0 0 3 * * *", Instant.parse("2026-12-01T02:59:59Z")))
                .isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
        assertThat(BackupSchedule.nextRun("0 0 3 * * *", Instant.parse("2026-12-01T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));
    }

    @Test
    void acceptsSixFieldCronsAndRetentionFromOneTo365Days() {
        assertThat(BackupSchedule.problemWith("cron", "0 30 */6 * * MON-FRI", null)).isNull();
        assertThat(BackupSchedule.problemWith("retentionDays", null, 1)).isNull();
        assertThat(BackupSchedule.problemWith("retentionDays", null, 365)).isNull();
    }

    @Test
    void refusesFiveFieldCronsGarbageAndRetentionOutOfRange() {
        assertThat(BackupSchedule.problemWith("cron", "0 3 * * *", null)).contains("not a valid 6-field cron");
        assertThat(BackupSchedule.problemWith("cron", "every day", null)).contains("not a valid 6-field cron");
        assertThat(BackupSchedule.problemWith("cron", " ", null)).startsWith("is required");
        assertThat(BackupSchedule.problemWith("retentionDays", null, 0)).isEqualTo("must be between 1 and 365, not 0");
        assertThat(BackupSchedule.problemWith("retentionDays", null, 366)).contains("not 366");
        assertThat(BackupSchedule.problemWith("retentionDays", null, null)).startsWith("is required");
    }

    @Test
    void refusesACronThatNeverRunsAgain() {
        assertThatThrownBy(() -> BackupSchedule.nextRun("0 0 0 30 2 *", Instant.parse("2026-12-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysBackupsByOwnerDatabaseAndBackupWithTheEnginesExtension() {
        UUID owner = UUID.randomUUID();
        UUID database = UUID.randomUUID();
        UUID backup = UUID.randomUUID();
        assertThat(BackupKeys.keyOf(owner, database, backup, DatabaseType.POSTGRESQL))
                .isEqualTo(owner + "/" + database + "/" + backup + ".dump");
        assertThat(BackupKeys.keyOf(owner, database, backup, DatabaseType.REDIS)).endsWith(".rdb");
    }
}
