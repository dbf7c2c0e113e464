package dev.paas.database.backups;

import dev.paas.database.databases.ManagedDatabase;
import dev.paas.database.databases.ManagedDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every 30 s: gives each provisioned database the default schedule unless it has one, and queues the backups that
 * are due. A due run is taken exactly once across replicas: the replica whose compare-and-set moves
 * {@code next_run_at} on queues it, and the unique {@code (database_id, scheduled_for)} refuses any second row. A
 * database that is not RUNNING at its time gets a FAILED backup naming its state (the owner sees the gap). Runs
 * missed while no replica was up are not caught up: one backup is taken, then the schedule moves to its next time.
 */
@Component
class SchedulingPass {

    private final BackupSchedules schedules;
    private final Backups backups;
    private final BackupTaker taker;
    private final ManagedDatabases databases;
    private final TransactionTemplate transactions;
    private final BackupProperties properties;
    private final Clock clock;

    SchedulingPass(BackupSchedules schedules, Backups backups, BackupTaker taker, ManagedDatabases databases,
            TransactionTemplate transactions, BackupProperties properties) {
        this.schedules = schedules;
        this.backups = backups;
        this.taker = taker;
        this.databases = databases;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(initialDelay = 5000, fixedDelay = 30000)
    void scheduled() {
        if (properties.scheduling()) {
            run();
        }
    }

    /** One pass; returns the backups this replica queued or recorded as skipped. */
    int run() {
        Instant now = clock.instant();
        Map<UUID, ManagedDatabase> provisioned = databases.provisioned().stream()
                .collect(Collectors.toMap(ManagedDatabase::id, Function.identity(), (a, b) -> a));
        for (var databaseId : schedules.withoutSchedule(List.copyOf(provisioned.keySet()))) {
            schedules.addIfMissing(new BackupSchedule(databaseId, properties.defaultCron(),
                    properties.retentionDays(), true, BackupSchedule.nextRun(properties.defaultCron(), now)));
        }
        int created = 0;
        for (BackupSchedule due : schedules.due(now)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> runDue(due, now)))) {
                created++;
            }
        }
        return created;
    }

    private boolean runDue(BackupSchedule due, Instant now) {
        Optional<ManagedDatabase> database = databases.find(due.databaseId());
        if (database.isEmpty()) {
            schedules.delete(due.databaseId());
            return false;
        }
        if (!schedules.advance(due.databaseId(), due.nextRunAt(), BackupSchedule.nextRun(due.cron(), now))) {
            return false;
        }
        Optional<Backup> queued = backups.insert(database.get(), Backup.SCHEDULED, Backup.QUEUED,
                due.retentionDays(), due.nextRunAt(), null, null);
        if (queued.isPresent() && !database.get().running()) {
            taker.fail(queued.get(), "scheduled backup skipped: database " + database.get().name() + " is "
                    + database.get().state() + ", not RUNNING");
        }
        return queued.isPresent();
    }
}
