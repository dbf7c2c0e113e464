package dev.paas.database.backups;

import dev.paas.database.databases.ManagedDatabase;
import dev.paas.database.databases.ManagedDatabases;
import dev.paas.database.engine.DatabaseEngines;
import dev.paas.database.engine.DatabaseSpec;
import dev.paas.database.engine.DumpRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out restores, one step after the other, each persisted: VERIFYING (the stored bytes match their SHA-256,
 * the dump loads into a scratch volume, the lifecycle hands the database over), BACKING_UP (a safety backup of the
 * current data), SWAPPING (the container moves to the new volume and must accept its login). A restore this replica
 * takes over from a vanished one is resumed from the start when it was still VERIFYING, and rolled back otherwise:
 * the database runs on its old volume again and the restore is FAILED.
 */
@Component
class RestoreWorker {

    private static final Logger log = LoggerFactory.getLogger(RestoreWorker.class);

    private final Restores restores;
    private final Backups backups;
    private final BackupTaker taker;
    private final BackupStore store;
    private final DatabaseEngines engines;
    private final ManagedDatabases databases;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final BackupProperties properties;
    private final String workerId = "restore-worker-" + UUID.randomUUID();

    RestoreWorker(Restores restores, Backups backups, BackupTaker taker, BackupStore store, DatabaseEngines engines,
            ManagedDatabases databases, TransactionTemplate transactions, ApplicationEventPublisher events,
            BackupProperties properties) {
        this.restores = restores;
        this.backups = backups;
        this.taker = taker;
        this.store = store;
        this.engines = engines;
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

    /** Carries out every claimable restore; returns how many. */
    int runPending() {
        int ran = 0;
        for (Optional<Restore> next = claim(); next.isPresent(); next = claim()) {
            try {
                run(next.get());
            } catch (RuntimeException e) {
                log.error("restore {} stopped unexpectedly; it is retried when its lease runs out", next.get().id(),
                        e);
            }
            ran++;
        }
        return ran;
    }

    private Optional<Restore> claim() {
        return transactions.execute(status -> restores.claimNext(workerId, properties.lease()));
    }

    private void run(Restore restore) {
        String scratch = DatabaseSpec.firstVolumeOf(restore.databaseId()) + "-r" + restore.volumeNumber();
        boolean resumed = restore.attempts() > 1;
        switch (restore.status()) {
            case Restore.VERIFYING -> {
                if (resumed) {
                    engines.removeVolume(scratch);
                }
                verifyAndSwap(restore, scratch);
            }
            case Restore.BACKING_UP -> {
                engines.removeVolume(scratch);
                databases.abortRestore(restore.databaseId());
                fail(restore, "database-service stopped during the safety backup; nothing was changed");
            }
            case Restore.SWAPPING -> rollBack(restore, scratch, databases.spec(restore.databaseId()),
                    "database-service stopped while the restored data was swapped in; the old data is back");
            default -> log.warn("restore {} is {}: nothing to do", restore.id(), restore.status());
        }
    }

    private void verifyAndSwap(Restore restore, String scratch) {
        Optional<ManagedDatabase> database = databases.find(restore.databaseId());
        Optional<Backup> backup = backups.find(restore.backupId());
        if (database.isEmpty()) {
            fail(restore, "database " + restore.databaseId() + " no longer exists");
            return;
        }
        if (backup.isEmpty() || !backup.get().completed()) {
            fail(restore, "backup " + restore.backupId() + " is not a completed backup any more");
            return;
        }
        DatabaseSpec current = databases.spec(restore.databaseId());
        Path dump = null;
        try {
            dump = Files.createTempFile("paas-restore-", ".tmp");
            String actual = download(backup.get(), dump);
            if (!actual.equals(backup.get().sha256())) {
                fail(restore, "backup " + backup.get().id() + " is corrupted: checksum " + actual + " does not match "
                        + backup.get().sha256());
                return;
            }
            try (InputStream in = Files.newInputStream(dump)) {
                engines.loadIntoNewVolume(current, in, scratch);
            }
        } catch (DumpRejected e) {
            fail(restore, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            engines.removeVolume(scratch);
            fail(restore, "cannot read backup " + restore.backupId() + ": " + e.getMessage());
            return;
        } finally {
            deleteQuietly(dump);
        }
        Boolean handedOver = transactions.execute(status -> {
            boolean begun = databases.beginRestore(restore.databaseId(), restore.actorId());
            if (begun) {
                restores.moveTo(restore.id(), Restore.BACKING_UP, properties.lease());
            }
            return begun;
        });
        if (!Boolean.TRUE.equals(handedOver)) {
            engines.removeVolume(scratch);
            fail(restore, "database " + database.get().name() + " is " + databases.find(restore.databaseId())
                    .map(ManagedDatabase::state).orElse("DELETED") + ", not RUNNING");
            return;
        }
        Backup safety = safetyBackup(restore, database.get(), current);
        if (!safety.completed()) {
            engines.removeVolume(scratch);
            databases.abortRestore(restore.databaseId());
            fail(restore, "the safety backup failed, so nothing was changed: " + safety.reason());
            return;
        }
        transactions.executeWithoutResult(status -> restores.moveTo(restore.id(), Restore.SWAPPING,
                properties.lease()));
        swap(restore, current, scratch);
    }

    private Backup safetyBackup(Restore restore, ManagedDatabase database, DatabaseSpec current) {
        Backup safety = transactions.execute(status -> {
            Backup row = backups.insert(database, Backup.SAFETY, Backup.RUNNING, properties.retentionDays(), null,
                    workerId, properties.lease()).orElseThrow();
            restores.safetyBackup(restore.id(), row.id());
            return row;
        });
        return taker.take(safety, current);
    }

    private void swap(Restore restore, DatabaseSpec current, String scratch) {
        DatabaseSpec restored = current.withVolume(scratch);
        try {
            engines.stop(current.containerName(), Duration.ofSeconds(10));
            engines.remove(current.containerName());
            engines.start(restored);
            awaitReady(restored);
        } catch (RuntimeException e) {
            rollBack(restore, scratch, current, "the restored database did not start, so the old data is back: "
                    + e.getMessage());
            return;
        }
        transactions.executeWithoutResult(status -> {
            databases.finishRestore(restore.databaseId(), scratch);
            Restore done = restores.finish(restore.id(), Restore.COMPLETED, null);
            events.publishEvent(new BackupEvents.Restored(done.databaseId(), done.ownerId(),
                    "UPLOAD".equals(done.source()) ? null : done.backupId(), done.safetyBackupId(), done.source(),
                    done.actorId()));
        });
        if (!current.volume().equals(scratch)) {
            engines.removeVolume(current.volume());
        }
    }

    private void rollBack(Restore restore, String scratch, DatabaseSpec old, String reason) {
        try {
            engines.remove(old.containerName());
            engines.start(old);
            awaitReady(old);
        } catch (RuntimeException e) {
            log.error("restore {}: the old container of database {} did not come back: {}", restore.id(),
                    restore.databaseId(), e.getMessage());
        }
        databases.abortRestore(restore.databaseId());
        if (!old.volume().equals(scratch)) {
            engines.removeVolume(scratch);
        }
        fail(restore, reason);
    }

    private void awaitReady(DatabaseSpec spec) {
        Instant deadline = Instant.now().plus(properties.readyTimeout());
        while (!engines.ready(spec)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("database did not accept its login within "
                        + properties.readyTimeout().toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    /** Copies the stored backup into {@code file}; returns the SHA-256 of the bytes read. */
    private String download(Backup backup, Path file) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = store.open(backup.storeKey());
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                in.transferTo(out);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fail(Restore restore, String reason) {
        log.warn("restore {} of database {} failed: {}", restore.id(), restore.databaseId(), reason);
        transactions.executeWithoutResult(status -> restores.finish(restore.id(), Restore.FAILED, reason));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("cannot remove the temporary file {}: {}", file, e.getMessage());
            }
        }
    }
}
