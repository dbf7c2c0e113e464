package dev.paas.database.databases;

import dev.paas.database.engine.DatabaseType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code databases}, {@code database_restarts} and {@code database_links} tables. */
@Repository
class DatabaseStore {

    private static final String COLUMNS = """
            id, owner_id, name, type, version, image, state, reason, container, volume, volume_generation,
            credentials_sealed, memory_bytes, nano_cpus, disk_quota_bytes, external_access, usage_bytes,
            quota_exceeded, restart_after, created_at""";

    private static final RowMapper<DatabaseRecord> ROWS = DatabaseStore::record;

    private final JdbcTemplate jdbc;

    DatabaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DatabaseRecord db) {
        jdbc.update("""
                insert into databases (id, owner_id, name, type, version, image, state, container, volume,
                    credentials_sealed, memory_bytes, nano_cpus, disk_quota_bytes, external_access, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                db.id(), db.ownerId(), db.name(), db.type().id(), db.version(), db.image(), db.state().name(),
                db.container(), db.volume(), db.credentialsSealed(), db.memoryBytes(), db.nanoCpus(),
                db.diskQuotaBytes(), db.externalAccess(), Timestamp.from(db.createdAt()),
                Timestamp.from(db.createdAt()));
    }

    /** The database unless it is deleted. */
    Optional<DatabaseRecord> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from databases where id = ? and deleted_at is null", ROWS, id)
                .stream().findFirst();
    }

    /** The database unless it is deleted, locked for the rest of the transaction. */
    Optional<DatabaseRecord> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from databases where id = ? and deleted_at is null for update",
                ROWS, id).stream().findFirst();
    }

    List<DatabaseRecord> ownedBy(UUID ownerId) {
        return jdbc.query("select " + COLUMNS + " from databases where owner_id = ? and deleted_at is null "
                + "order by created_at, name", ROWS, ownerId);
    }

    List<DatabaseRecord> inStates(Collection<DatabaseState> states) {
        String[] names = states.stream().map(DatabaseState::name).toArray(String[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement("select " + COLUMNS + " from databases where state = any (?) "
                    + "and deleted_at is null order by created_at");
            statement.setArray(1, con.createArrayOf("varchar", names));
            return statement;
        }, ROWS);
    }

    /** Serialises the creations of one owner's databases until the transaction ends (quota and name checks). */
    void lockOwner(UUID ownerId) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", ownerId.toString());
    }

    boolean nameTaken(UUID ownerId, String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from databases where owner_id = ? and name = ? and deleted_at is null)""",
                Boolean.class, ownerId, name));
    }

    /** The owner's databases of {@code type} that count against the plan (not failed, not deleted). */
    int countOfType(UUID ownerId, DatabaseType type) {
        Integer count = jdbc.queryForObject("""
                select count(*) from databases
                where owner_id = ? and type = ? and deleted_at is null and state <> 'FAILED'""",
                Integer.class, ownerId, type.id());
        return count == null ? 0 : count;
    }

    /** Gives each of the owner's databases (not deleted) the disk quota; how many there are. */
    int diskQuotaOfOwner(UUID ownerId, long diskQuotaBytes) {
        return jdbc.update("""
                update databases set disk_quota_bytes = ?, updated_at = now()
                where owner_id = ? and deleted_at is null""", diskQuotaBytes, ownerId);
    }

    /**
     * Claims the oldest database in {@code state} whose lease is free or expired, for {@code leaseOwner}, so no two
     * replicas work on it at once.
     */
    Optional<DatabaseRecord> claimNext(DatabaseState state, String leaseOwner, Duration lease) {
        return jdbc.query("""
                update databases set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                where id = (select id from databases
                            where state = ? and deleted_at is null and (lease_until is null or lease_until < now())
                            order by created_at limit 1 for update skip locked)
                returning\s""" + COLUMNS, ROWS, leaseOwner, seconds(lease), state.name()).stream().findFirst();
    }

    /**
     * Claims (or renews the claim on) one database in {@code state}; false when it is in another state or another
     * replica holds it.
     */
    boolean claim(UUID id, DatabaseState state, String leaseOwner, Duration lease) {
        return jdbc.update("""
                update databases set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                where id = ? and state = ? and deleted_at is null
                  and (lease_until is null or lease_until < now() or lease_owner = ?)""",
                leaseOwner, seconds(lease), id, state.name(), leaseOwner) == 1;
    }

    /** Gives up every claim of {@code leaseOwner} (a replica shutting down), so another picks them up at once. */
    void releaseAll(String leaseOwner) {
        jdbc.update("update databases set lease_owner = null, lease_until = null where lease_owner = ?", leaseOwner);
    }

    /** Moves the database from one of {@code from} to {@code to}; false when it was in none of them. */
    boolean transition(UUID id, Collection<DatabaseState> from, DatabaseState to, String reason) {
        String[] names = from.stream().map(DatabaseState::name).toArray(String[]::new);
        return jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    update databases set state = ?, reason = ?, restart_after = null, updated_at = now()
                    where id = ? and deleted_at is null and state = any (?)""");
            statement.setString(1, to.name());
            statement.setString(2, reason);
            statement.setObject(3, id);
            statement.setArray(4, con.createArrayOf("varchar", names));
            return statement;
        }) == 1;
    }

    void restartAfter(UUID id, Instant at) {
        jdbc.update("update databases set restart_after = ?, updated_at = now() where id = ?",
                at == null ? null : Timestamp.from(at), id);
    }

    void usage(UUID id, long bytes, boolean exceeded) {
        jdbc.update("update databases set usage_bytes = ?, quota_exceeded = ?, updated_at = now() where id = ?",
                bytes, exceeded, id);
    }

    /** The restore's volume serves the database from now on. */
    void volume(UUID id, String volume, int generation) {
        jdbc.update("""
                update databases set volume = ?, volume_generation = greatest(volume_generation, ?), updated_at = now()
                where id = ?""", volume, generation, id);
    }

    void markDeleted(UUID id) {
        jdbc.update("""
                update databases set state = 'DELETED', deleted_at = now(), updated_at = now(), lease_owner = null,
                    lease_until = null
                where id = ?""", id);
    }

    void recordRestart(UUID id, Long exitCode, Instant at) {
        jdbc.update("insert into database_restarts (database_id, at, exit_code) values (?, ?, ?)", id,
                Timestamp.from(at), exitCode);
    }

    int restartsSince(UUID id, Instant since) {
        Integer count = jdbc.queryForObject("select count(*) from database_restarts where database_id = ? and at >= ?",
                Integer.class, id, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    void clearRestarts(UUID id) {
        jdbc.update("delete from database_restarts where database_id = ?", id);
    }

    void insertLink(UUID projectId, UUID databaseId, String prefix) {
        jdbc.update("insert into database_links (project_id, database_id, prefix, created_at) values (?, ?, ?, now())",
                projectId, databaseId, prefix);
    }

    boolean deleteLink(UUID projectId, UUID databaseId) {
        return jdbc.update("delete from database_links where project_id = ? and database_id = ?", projectId,
                databaseId) == 1;
    }

    Optional<StoredLink> link(UUID projectId, UUID databaseId) {
        return jdbc.query("select project_id, database_id, prefix, created_at from database_links "
                + "where project_id = ? and database_id = ?", DatabaseStore::link, projectId, databaseId)
                .stream().findFirst();
    }

    boolean prefixTaken(UUID projectId, String prefix) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from database_links where project_id = ? and prefix = ?)", Boolean.class,
                projectId, prefix));
    }

    List<StoredLink> linksOf(UUID databaseId) {
        return jdbc.query("select project_id, database_id, prefix, created_at from database_links "
                + "where database_id = ? order by created_at", DatabaseStore::link, databaseId);
    }

    List<StoredLink> linksOfProject(UUID projectId) {
        return jdbc.query("select project_id, database_id, prefix, created_at from database_links "
                + "where project_id = ? order by created_at", DatabaseStore::link, projectId);
    }

    /** One row of {@code database_links}. */
    record StoredLink(UUID projectId, UUID databaseId, String prefix, Instant createdAt) {
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000d;
    }

    private static StoredLink link(ResultSet rs, int row) throws SQLException {
        return new StoredLink(rs.getObject("project_id", UUID.class), rs.getObject("database_id", UUID.class),
                rs.getString("prefix"), rs.getTimestamp("created_at").toInstant());
    }

    private static DatabaseRecord record(ResultSet rs, int row) throws SQLException {
        Timestamp restartAfter = rs.getTimestamp("restart_after");
        return new DatabaseRecord(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("name"), DatabaseType.of(rs.getString("type")).orElseThrow(), rs.getString("version"),
                rs.getString("image"), DatabaseState.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getString("container"), rs.getString("volume"), rs.getInt("volume_generation"),
                rs.getString("credentials_sealed"), rs.getLong("memory_bytes"), rs.getLong("nano_cpus"),
                rs.getLong("disk_quota_bytes"), rs.getBoolean("external_access"), rs.getLong("usage_bytes"),
                rs.getBoolean("quota_exceeded"), restartAfter == null ? null : restartAfter.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
