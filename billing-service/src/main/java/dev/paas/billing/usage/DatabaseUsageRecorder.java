package dev.paas.billing.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a database's running interval when it is provisioned or starts running again, and closes it when it stops
 * running (stopped, crash loop, restore) or is deleted. Only {@code RUNNING} is billable. A replayed or repeated fact
 * finds the interval already open or closed and changes nothing (one open interval per database, by index).
 */
@Service
public class DatabaseUsageRecorder {

    private static final RowMapper<DatabaseUsage> USAGE = (rs, n) -> new DatabaseUsage(
            rs.getObject("database_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("name"),
            rs.getString("type"), rs.getTimestamp("started_at").toInstant(),
            Optional.ofNullable(rs.getTimestamp("stopped_at")).map(Timestamp::toInstant).orElse(null));

    private final JdbcTemplate jdbc;

    DatabaseUsageRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The database runs from {@code at} on (a no-op while an interval is open). */
    @Transactional
    public void running(UUID databaseId, UUID ownerId, String name, String type, Instant at) {
        String knownName = name != null ? name : jdbc.query(
                "select name from database_usage where database_id = ? and name is not null limit 1",
                (rs, n) -> rs.getString(1), databaseId).stream().findFirst().orElse(null);
        jdbc.update("""
                insert into database_usage (id, database_id, owner_id, name, type, started_at)
                values (?, ?, ?, ?, ?, ?) on conflict (database_id) where stopped_at is null do nothing""",
                UUID.randomUUID(), databaseId, ownerId, knownName, type, Timestamp.from(at));
    }

    /** The database stopped running at {@code at} (a no-op when it was not running). */
    @Transactional
    public void notRunning(UUID databaseId, Instant at) {
        jdbc.update("""
                update database_usage set stopped_at = greatest(started_at, ?)
                where database_id = ? and stopped_at is null""", Timestamp.from(at), databaseId);
    }

    /** Every interval that overlaps {@code [from, to)}. */
    public List<DatabaseUsage> runningDuring(Instant from, Instant to) {
        return jdbc.query("""
                select * from database_usage where started_at < ? and (stopped_at is null or stopped_at > ?)""",
                USAGE, Timestamp.from(to), Timestamp.from(from));
    }

    /** The owner's databases running now. */
    public List<DatabaseUsage> runningOf(UUID ownerId) {
        return jdbc.query("select * from database_usage where owner_id = ? and stopped_at is null", USAGE, ownerId);
    }

    /** When the first database started running, if any did. */
    public Optional<Instant> earliestStart() {
        return Optional.ofNullable(jdbc.queryForObject("select min(started_at) from database_usage",
                Timestamp.class)).map(Timestamp::toInstant);
    }
}
