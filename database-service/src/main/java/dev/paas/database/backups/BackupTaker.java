package dev.paas.database.backups;

import dev.paas.database.engine.DatabaseEngines;
import dev.paas.database.engine.DatabaseSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one claimed backup: the engine's dump streams into a temporary file while it is hashed, the file goes into
 * the store, and the row becomes COMPLETED; on any failure it becomes FAILED and neither the file nor a partial
 * object is left.
 */
@Component
class BackupTaker {

    private static final Logger log = LoggerFactory.getLogger(BackupTaker.class);

    private final DatabaseEngines engines;
    private final BackupStore store;
    private final Backups backups;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final TaskScheduler scheduler;
    private final Duration lease;

    BackupTaker(DatabaseEngines engines, BackupStore store, Backups backups, TransactionTemplate transactions,
            ApplicationEventPublisher events, TaskScheduler scheduler, BackupProperties properties) {
        this.engines = engines;
        this.store = store;
        this.backups = backups;
        this.transactions = transactions;
        this.events = events;
        this.scheduler = scheduler;
        this.lease = properties.lease();
    }

    /**
     * Dumps {@code spec}'s database into the store as {@code backup}, a RUNNING row leased to this worker; returns the
     * finished row. The lease is renewed while the dump runs, however long it takes, so no other replica takes the
     * backup over from a live worker. Should the lease be lost all the same (this replica lost its database for
     * longer than the lease), the worker leaves the backup, and the object in the store, to the one that took it.
     */
    Backup take(Backup backup, DatabaseSpec spec) {
        Duration every = lease.dividedBy(3);
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(() -> renewQuietly(backup), Instant.now()
                .plus(every), every);
        Path temp = null;
        try {
            temp = Files.createTempFile("paas-backup-", ".tmp");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)),
                    sha256)) {
                engines.dump(spec, out);
            }
            long size = Files.size(temp);
            if (!backups.renew(backup.id(), backup.leaseOwner(), lease)) {
                return takenOver(backup);
            }
            store.put(backup.storeKey(), temp);
            String hash = HexFormat.of().formatHex(sha256.digest());
            Backup completed = transactions.execute(status -> backups.complete(backup.id(), size, hash).map(done -> {
                events.publishEvent(new BackupEvents.Completed(done.id(), done.databaseId(), done.ownerId(),
                        done.trigger(), size, hash, done.expiresAt()));
                return done;
            }).orElse(null));
            return completed != null ? completed : takenOver(backup);
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("backup {} of database {} failed: {}", backup.id(), backup.databaseId(), reason);
            if (!backups.renew(backup.id(), backup.leaseOwner(), lease)) {
                return takenOver(backup);
            }
            removeQuietly(backup.storeKey());
            return fail(backup, reason);
        } finally {
            heartbeat.cancel(false);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.warn("cannot remove the temporary file {}: {}", temp, e.getMessage());
                }
            }
        }
    }

    /** Records {@code backup} as FAILED for {@code reason}, with its event. */
    Backup fail(Backup backup, String reason) {
        return transactions.execute(status -> {
            Backup failed = backups.fail(backup.id(), reason);
            events.publishEvent(new BackupEvents.Failed(failed.id(), failed.databaseId(), failed.ownerId(),
                    failed.trigger(), reason));
            return failed;
        });
    }

    private Backup takenOver(Backup backup) {
        log.warn("backup {} of database {} was taken over by another worker after this one's lease ran out; "
                + "leaving it to that worker", backup.id(), backup.databaseId());
        return backups.find(backup.id()).orElse(backup);
    }

    private void renewQuietly(Backup backup) {
        try {
            backups.renew(backup.id(), backup.leaseOwner(), lease);
        } catch (RuntimeException e) {
            log.warn("cannot renew the lease of backup {}: {}", backup.id(), e.getMessage());
        }
    }

    private void removeQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("cannot remove the partial backup {}: {}", key, e.getMessage());
        }
    }
}
