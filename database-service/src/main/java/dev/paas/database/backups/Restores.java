package dev.paas.database.backups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The restore rows; one unfinished restore per database at most. */
@Repository
class Restores {

    private final JdbcTemplate jdbc;

    Restores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new VERIFYING restore; empty when the database already has an unfinished one. */
    Optional<Restore> insert(UUID databaseId, UUID ownerId, UUID actorId, UUID backupId, String source) {
        return jdbc.query("""
                insert into restores (id, database_id, owner_id, actor_id, backup_id, source, status, volume_number,
                    created_at)
                values (?, ?, ?, ?, ?, ?, 'VERIFYING',
                    (select coalesce(max(volume_number), 0) + 1 from restores where database_id = ?), now())
                on conflict do nothing
                returning *""", Restores::map, UUID.randomUUID(), databaseId, ownerId, actorId, backupId, source,
                databaseId).stream().findFirst();
    }

    Optional<Restore> find(UUID id) {
        return jdbc.query("select * from restores where id = ?", Restores::map, id).stream().findFirst();
    }

    /** Claims an unfinished restore nobody holds a live lease on. Must run in a transaction. */
    Optional<Restore> claimNext(String owner, Duration lease) {
        return jdbc.query("""
                update restores set lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',
                    attempts = attempts + 1
                where id = (select id from restores where status not in ('COMPLETED', 'FAILED')
                            and (lease_until is null or lease_until < now())
                            order by created_at limit 1 for update skip locked)
                returning *""", Restores::map, owner, lease.toMillis()).stream().findFirst();
    }

    void moveTo(UUID id, String status, Duration lease) {
        jdbc.update("update restores set status = ?, lease_until = now() + ? * interval '1 millisecond' where id = ?",
                status, lease.toMillis(), id);
    }

    void safetyBackup(UUID id, UUID backupId) {
        jdbc.update("update restores set safety_backup_id = ? where id = ?", backupId, id);
    }

    Restore finish(UUID id, String status, String reason) {
        return jdbc.queryForObject("""
                update restores set status = ?, reason = ?, completed_at = now(), lease_owner = null,
                    lease_until = null where id = ? returning *""", Restores::map, status, reason, id);
    }

    private static Restore map(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Restore(rs.getObject("id", UUID.class), rs.getObject("database_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getObject("actor_id", UUID.class),
                rs.getObject("backup_id", UUID.class), rs.getString("source"), rs.getString("status"),
                rs.getString("reason"), rs.getObject("safety_backup_id", UUID.class), rs.getInt("volume_number"),
                rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                completed == null ? null : completed.toInstant());
    }

}
