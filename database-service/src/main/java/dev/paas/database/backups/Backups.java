package dev.paas.database.backups;

import dev.paas.database.databases.ManagedDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The backup rows, claimed by workers with {@code for update skip locked} and a lease. */
@Repository
class Backups {

    private static final RowMapper<Backup> ROW = Backups::map;

    private final JdbcTemplate jdbc;

    Backups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new backup of {@code database} in {@code status} (QUEUED, or RUNNING leased to {@code leaseOwner}); empty
     * when {@code scheduledFor} already has its backup.
     */
    Optional<Backup> insert(ManagedDatabase database, String trigger, String status, int retentionDays,
            Instant scheduledFor, String leaseOwner, Duration lease) {
        UUID id = UUID.randomUUID();
        String key = BackupKeys.keyOf(database.ownerId(), database.id(), id, database.type());
        List<Backup> rows = jdbc.query("""
                insert into backups (id, database_id, owner_id, trigger, status, store_key, retention_days,
                    scheduled_for, attempts, lease_owner, lease_until, created_at, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() + ? * interval '1 millisecond', now(),
                    case when ? = 'RUNNING' then now() end)
                on conflict (database_id, scheduled_for) where scheduled_for is not null do nothing
                returning *""", ROW, id, database.id(), database.ownerId(), trigger, status, key, retentionDays,
                ts(scheduledFor), Backup.RUNNING.equals(status) ? 1 : 0, leaseOwner,
                lease == null ? null : lease.toMillis(), status);
        return rows.stream().findFirst();
    }

    /** A backup that is already in the store (an uploaded dump): COMPLETED with its size and hash. */
    Backup insertStored(ManagedDatabase database, UUID id, String trigger, int retentionDays, long size,
            String sha256) {
        return jdbc.queryForObject("""
                insert into backups (id, database_id, owner_id, trigger, status, store_key, size_bytes, sha256,
                    retention_days, created_at, started_at, completed_at, expires_at)
                values (?, ?, ?, ?, 'COMPLETED', ?, ?, ?, ?, now(), now(), now(), now() + ? * interval '1 day')
                returning *""", ROW, id, database.id(), database.ownerId(), trigger,
                BackupKeys.keyOf(database.ownerId(), database.id(), id, database.type()), size, sha256,
                retentionDays, retentionDays);
    }

    Optional<Backup> find(UUID id) {
        return jdbc.query("select * from backups where id = ?", ROW, id).stream().findFirst();
    }

    List<Backup> of(UUID databaseId) {
        return jdbc.query("select * from backups where database_id = ? order by created_at desc, id", ROW,
                databaseId);
    }

    Optional<UUID> lastCompleted(UUID databaseId) {
        return jdbc.query("""
                select id from backups where database_id = ? and status = 'COMPLETED'
                order by completed_at desc limit 1""", (rs, n) -> rs.getObject(1, UUID.class), databaseId)
                .stream().findFirst();
    }

    /**
     * Claims the oldest QUEUED backup, or a RUNNING one whose worker's lease ran out and that has attempts left, for
     * {@code owner}: RUNNING, leased until now + {@code lease}, one more attempt. Must run in a transaction.
     */
    Optional<Backup> claimNext(String owner, Duration lease, int maxAttempts) {
        return jdbc.query("""
                update backups set status = 'RUNNING', lease_owner = ?,
                    lease_until = now() + ? * interval '1 millisecond', attempts = attempts + 1,
                    started_at = coalesce(started_at, now())
                where id = (select id from backups
                            where status = 'QUEUED' or (status = 'RUNNING' and lease_until < now() and attempts < ?)
                            order by created_at limit 1 for update skip locked)
                returning *""", ROW, owner, lease.toMillis(), maxAttempts).stream().findFirst();
    }

    /** Fails the RUNNING backups whose lease ran out with no attempt left; returns them. */
    List<Backup> giveUpAbandoned(int maxAttempts) {
        return jdbc.query("""
                update backups set status = 'FAILED', lease_owner = null, lease_until = null, completed_at = now(),
                    expires_at = now() + retention_days * interval '1 day',
                    reason = 'the backup was interrupted ' || attempts || ' times; gave up'
                where id in (select id from backups where status = 'RUNNING' and lease_until < now()
                             and attempts >= ? for update skip locked)
                returning *""", ROW, maxAttempts);
    }

    /**
     * Records the RUNNING backup as COMPLETED; empty when it is not RUNNING any more (another worker took it over
     * after this one's lease ran out, and finished it).
     */
    Optional<Backup> complete(UUID id, long sizeBytes, String sha256) {
        return jdbc.query("""
                update backups set status = 'COMPLETED', size_bytes = ?, sha256 = ?, reason = null,
                    completed_at = now(), expires_at = now() + retention_days * interval '1 day',
                    lease_owner = null, lease_until = null
                where id = ? and status = 'RUNNING' returning *""", ROW, sizeBytes, sha256, id).stream().findFirst();
    }

    /**
     * Extends the lease of a RUNNING backup held by {@code owner}; false when it is no longer this worker's (its lease
     * ran out and another worker claimed it, or it finished).
     */
    boolean renew(UUID id, String owner, Duration lease) {
        return jdbc.update("""
                update backups set lease_until = now() + ? * interval '1 millisecond'
                where id = ? and status = 'RUNNING' and lease_owner = ?""", lease.toMillis(), id, owner) == 1;
    }

    Backup fail(UUID id, String reason) {
        return jdbc.queryForObject("""
                update backups set status = 'FAILED', reason = ?, size_bytes = null, sha256 = null,
                    completed_at = now(), expires_at = now() + retention_days * interval '1 day',
                    lease_owner = null, lease_until = null
                where id = ? returning *""", ROW, reason, id);
    }

    /** Up to {@code limit} finished backups past their expiry, locked for this transaction only. */
    List<Backup> lockExpired(int limit) {
        return jdbc.query("""
                select * from backups where expires_at <= now() and status in ('COMPLETED', 'FAILED')
                order by expires_at limit ? for update skip locked""", ROW, limit);
    }

    void delete(UUID id) {
        jdbc.update("delete from backups where id = ?", id);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Backup map(ResultSet rs, int row) throws SQLException {
        Long size = rs.getObject("size_bytes", Long.class);
        return new Backup(rs.getObject("id", UUID.class), rs.getObject("database_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getString("trigger"), rs.getString("status"),
                rs.getString("store_key"), size, rs.getString("sha256"), rs.getString("reason"),
                rs.getInt("retention_days"), instant(rs, "scheduled_for"), rs.getInt("attempts"),
                rs.getString("lease_owner"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
                instant(rs, "expires_at"));
    }
}
