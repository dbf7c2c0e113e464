package dev.paas.database.backups;

import dev.paas.database.databases.ManagedDatabase;
import dev.paas.database.databases.ManagedDatabases;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued backups on this replica. A backup is claimed with a lease; when a replica dies while it runs, the lease
 * runs out and another replica takes it again, at most {@code maxAttempts} times in all, then it is FAILED.
 */
@Component
class BackupWorker {

    private final Backups backups;
    private final BackupTaker taker;
    private final ManagedDatabases databases;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final BackupProperties properties;
    private final String workerId = "backup-worker-" + UUID.randomUUID();

    BackupWorker(Backups backups, BackupTaker taker, ManagedDatabases databases, TransactionTemplate transactions,
            ApplicationEventPublisher events, BackupProperties properties) {
        this.backups = backups;
        this.taker = taker;
        this.databases = databases;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
    }

    @Scheduled(initialDelay = 2000, fixedDelay = 1000)
    void scheduled() {
        if (properties.scheduling()) {
            runPending();
        }
    }

    /** Takes every claimable backup, one after the other; returns how many it ran. */
    int runPending() {
        giveUpAbandoned();
        int ran = 0;
        for (Optional<Backup> next = claim(); next.isPresent(); next = claim()) {
            run(next.get());
            ran++;
        }
        return ran;
    }

    private void run(Backup backup) {
        Optional<ManagedDatabase> database = databases.find(backup.databaseId());
        if (database.isEmpty()) {
            taker.fail(backup, "database " + backup.databaseId() + " no longer exists");
        } else if (!database.get().running() && !Backup.SAFETY.equals(backup.trigger())) {
            taker.fail(backup, "database " + database.get().name() + " is " + database.get().state()
                    + ", not RUNNING");
        } else {
            taker.take(backup, databases.spec(backup.databaseId()));
        }
    }

    private Optional<Backup> claim() {
        return transactions.execute(status -> backups.claimNext(workerId, properties.lease(),
                properties.maxAttempts()));
    }

    private void giveUpAbandoned() {
        transactions.executeWithoutResult(status -> backups.giveUpAbandoned(properties.maxAttempts())
                .forEach(failed -> events.publishEvent(new BackupEvents.Failed(failed.id(), failed.databaseId(),
                        failed.ownerId(), failed.trigger(), failed.reason()))));
    }
}
