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
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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

    BackupTaker(DatabaseEngines engines, BackupStore store, Backups backups, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.engines = engines;
        this.store = store;
        this.backups = backups;
        this.transactions = transactions;
        this.events = events;
    }

    /** Dumps {@code spec}'s database into the store as {@code backup}; returns the finished row. */
    Backup take(Backup backup, DatabaseSpec spec) {
        Path temp = null;
        try {
            temp = Files.createTempFile("paas-backup-", ".tmp");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)),
                    sha256)) {
                engines.dump(spec, out);
            }
            long size = Files.size(temp);
            store.put(backup.storeKey(), temp);
            String hash = HexFormat.of().formatHex(sha256.digest());
            return transactions.execute(status -> {
                Backup done = backups.complete(backup.id(), size, hash);
                events.publishEvent(new BackupEvents.Completed(done.id(), done.databaseId(), done.ownerId(),
                        done.trigger(), size, hash, done.expiresAt()));
                return done;
            });
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("backup {} of database {} failed: {}", backup.id(), backup.databaseId(), reason);
            removeQuietly(backup.storeKey());
            return fail(backup, reason);
        } finally {
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

    private void removeQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("cannot remove the partial backup {}: {}", key, e.getMessage());
        }
    }
}
