package dev.paas.database.databases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code account_stopped_databases} table: the databases a suspension of their owner's account stopped. Only
 * those start again on reinstatement; one its owner had stopped before is not in it and stays stopped.
 */
@Component
class AccountHolds {

    private final JdbcTemplate jdbc;

    AccountHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void hold(UUID databaseId, UUID ownerId, Instant now) {
        jdbc.update("""
                insert into account_stopped_databases (database_id, owner_id, stopped_at) values (?, ?, ?)
                on conflict (database_id) do nothing""", databaseId, ownerId, Timestamp.from(now));
    }

    boolean holds(UUID databaseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from account_stopped_databases where database_id = ?)", Boolean.class,
                databaseId));
    }

    /** The databases the owner's suspension stopped, oldest first, locked until the transaction ends. */
    List<UUID> heldOf(UUID ownerId) {
        return jdbc.queryForList("""
                select database_id from account_stopped_databases where owner_id = ?
                order by stopped_at, database_id for update""", UUID.class, ownerId);
    }

    void release(UUID databaseId) {
        jdbc.update("delete from account_stopped_databases where database_id = ?", databaseId);
    }
}
