package dev.paas.database.backups;

import dev.paas.database.databases.ManagedDatabase;
import dev.paas.database.databases.ManagedDatabases;
import dev.paas.problems.Conflict;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the API offers on a database's backups: take one now, list, download, the schedule, and restores. Every call
 * names its caller: a database the caller may not see is answered exactly like an unknown one.
 */
@Service
public class DatabaseBackups {

    private final ManagedDatabases databases;
    private final Backups backups;
    private final BackupSchedules schedules;
    private final Restores restores;
    private final BackupStore store;
    private final TransactionTemplate transactions;
    private final BackupProperties properties;
    private final Clock clock = Clock.systemUTC();

    DatabaseBackups(ManagedDatabases databases, Backups backups, BackupSchedules schedules, Restores restores,
            BackupStore store, TransactionTemplate transactions, BackupProperties properties) {
        this.databases = databases;
        this.backups = backups;
        this.schedules = schedules;
        this.restores = restores;
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** A stored backup ready to be streamed to its owner. */
    public record Download(String fileName, long sizeBytes, String sha256, InputStream content) {
    }

    /** Queues a manual backup; 409 unless the database is RUNNING. */
    public BackupView backUp(UUID databaseId, UUID callerId, boolean admin) {
        ManagedDatabase database = running(visible(databaseId, callerId, admin), "back up");
        int retention = schedules.find(databaseId).map(BackupSchedule::retentionDays)
                .orElse(properties.retentionDays());
        return backups.insert(database, Backup.MANUAL, Backup.QUEUED, retention, null, null, null).orElseThrow()
                .view();
    }

    public List<BackupView> list(UUID databaseId, UUID callerId, boolean admin) {
        visible(databaseId, callerId, admin);
        return backups.of(databaseId).stream().map(Backup::view).toList();
    }

    public BackupView get(UUID databaseId, UUID backupId, UUID callerId, boolean admin) {
        return backupOf(visible(databaseId, callerId, admin), backupId).view();
    }

    /** The bytes of a COMPLETED backup; 409 while it is not. */
    public Download download(UUID databaseId, UUID backupId, UUID callerId, boolean admin) {
        ManagedDatabase database = visible(databaseId, callerId, admin);
        Backup backup = backupOf(database, backupId);
        if (!backup.completed()) {
            throw new Conflict("backup " + backupId + " is " + backup.status() + "; only a COMPLETED backup can be "
                    + "downloaded");
        }
        try {
            return new Download(BackupKeys.fileNameOf(database.name(), backup), backup.sizeBytes(), backup.sha256(),
                    store.open(backup.storeKey()));
        } catch (BackupMissing e) {
            throw new Conflict("backup " + backupId + " is no longer in the backup store");
        }
    }

    /** The database's schedule, the default one when it has none yet. */
    public ScheduleView schedule(UUID databaseId, UUID callerId, boolean admin) {
        visible(databaseId, callerId, admin);
        return scheduleOf(databaseId).view();
    }

    /** Replaces the schedule; a field left out keeps its current value. */
    public ScheduleView updateSchedule(UUID databaseId, ScheduleView wanted, UUID callerId, boolean admin) {
        visible(databaseId, callerId, admin);
        BackupSchedule current = scheduleOf(databaseId);
        String cron = wanted.cron() == null ? current.cron() : wanted.cron().trim();
        int retention = wanted.retentionDays() == null ? current.retentionDays() : wanted.retentionDays();
        String cronProblem = BackupSchedule.problemWith("cron", cron, null);
        if (cronProblem != null) {
            throw new InvalidInput("cron", cronProblem);
        }
        String retentionProblem = BackupSchedule.problemWith("retentionDays", null, retention);
        if (retentionProblem != null) {
            throw new InvalidInput("retentionDays", retentionProblem);
        }
        BackupSchedule schedule = new BackupSchedule(databaseId, cron, retention,
                wanted.enabled() == null ? current.enabled() : wanted.enabled(),
                BackupSchedule.nextRun(cron, clock.instant()));
        schedules.put(schedule);
        return schedule.view();
    }

    /** Restores a COMPLETED backup of the database; 409 unless it is RUNNING or while another restore runs. */
    public RestoreView restore(UUID databaseId, UUID backupId, UUID callerId, boolean admin) {
        ManagedDatabase database = running(visible(databaseId, callerId, admin), "restore");
        if (backupId == null) {
            throw new InvalidInput("backupId", "is required (or upload a dump as the multipart part file)");
        }
        Backup backup = backups.find(backupId).filter(b -> b.databaseId().equals(databaseId))
                .orElseThrow(() -> new NotFound("backup", backupId));
        if (!backup.completed()) {
            throw new Conflict("backup " + backupId + " is " + backup.status() + "; only a COMPLETED backup can be "
                    + "restored");
        }
        return request(database, callerId, backupId, "BACKUP").view();
    }

    /** Stores {@code dump} as an UPLOAD backup, then restores it like any other backup. */
    public RestoreView restoreUpload(UUID databaseId, InputStream dump, UUID callerId, boolean admin) {
        ManagedDatabase database = running(visible(databaseId, callerId, admin), "restore");
        UUID backupId = UUID.randomUUID();
        String key = BackupKeys.keyOf(database.ownerId(), databaseId, backupId, database.type());
        Path temp = null;
        try {
            temp = Files.createTempFile("paas-upload-", ".tmp");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                dump.transferTo(out);
            }
            long size = Files.size(temp);
            if (size == 0) {
                throw new InvalidInput("file", "is empty: upload a dump made by the engine's own tool");
            }
            store.put(key, temp);
            String hash = HexFormat.of().formatHex(sha256.digest());
            return transactions.execute(status -> {
                backups.insertStored(database, backupId, Backup.UPLOAD, properties.retentionDays(), size, hash);
                return request(database, callerId, backupId, "UPLOAD");
            }).view();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the uploaded dump: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    public RestoreView restoreStatus(UUID databaseId, UUID restoreId, UUID callerId, boolean admin) {
        visible(databaseId, callerId, admin);
        return restores.find(restoreId).filter(r -> r.databaseId().equals(databaseId))
                .orElseThrow(() -> new NotFound("restore", restoreId)).view();
    }

    private Restore request(ManagedDatabase database, UUID actorId, UUID backupId, String source) {
        return restores.insert(database.id(), database.ownerId(), actorId, backupId, source)
                .orElseThrow(() -> new Conflict("database " + database.name() + " is already being restored"));
    }

    private BackupSchedule scheduleOf(UUID databaseId) {
        return schedules.find(databaseId).orElseGet(() -> new BackupSchedule(databaseId, properties.defaultCron(),
                properties.retentionDays(), true, BackupSchedule.nextRun(properties.defaultCron(), clock.instant())));
    }

    private Backup backupOf(ManagedDatabase database, UUID backupId) {
        return backups.find(backupId).filter(b -> b.databaseId().equals(database.id()))
                .orElseThrow(() -> new NotFound("backup", backupId));
    }

    private ManagedDatabase visible(UUID databaseId, UUID callerId, boolean admin) {
        return databases.visibleTo(databaseId, callerId, admin).orElseThrow(() -> new NotFound("database",
                databaseId));
    }

    private static ManagedDatabase running(ManagedDatabase database, String action) {
        if (!database.running()) {
            throw new Conflict("cannot " + action + " database " + database.name() + ": it is " + database.state()
                    + ", not RUNNING");
        }
        return database;
    }
}
