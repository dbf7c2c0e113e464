package dev.paas.database.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code account_limits}, {@code account_database_limits} and {@code account_standings} tables. A row is only
 * replaced by an event that is newer than the one it came from: later {@code occurred_at}, or the same instant and a
 * greater (UUIDv7) event id.
 */
@Repository
class StoredAccounts {

    private final JdbcTemplate jdbc;

    StoredAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the limits unless newer ones are stored; true when it stored them. */
    boolean saveLimitsIfNewer(UUID userId, UUID planId, AccountLimits limits, Instant occurredAt, UUID eventId) {
        int changed = jdbc.update("""
                insert into account_limits (user_id, plan_id, plan_name, database_disk_mb, occurred_at, event_id)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set plan_id = excluded.plan_id, plan_name = excluded.plan_name,
                    database_disk_mb = excluded.database_disk_mb, occurred_at = excluded.occurred_at,
                    event_id = excluded.event_id
                where (account_limits.occurred_at, account_limits.event_id)
                    < (excluded.occurred_at, excluded.event_id)""",
                userId, planId, limits.planName(), limits.databaseDiskMb(), Timestamp.from(occurredAt), eventId);
        if (changed == 0) {
            return false;
        }
        jdbc.update("delete from account_database_limits where user_id = ?", userId);
        List<Object[]> rows = limits.maxDatabasesPerType().entrySet().stream()
                .map(entry -> new Object[] {userId, entry.getKey(), entry.getValue()}).toList();
        jdbc.batchUpdate("insert into account_database_limits (user_id, type, max_databases) values (?, ?, ?)", rows);
        return true;
    }

    Optional<AccountLimits> limitsOf(UUID userId) {
        List<Map.Entry<String, Integer>> perType = jdbc.query(
                "select type, max_databases from account_database_limits where user_id = ?",
                (rs, row) -> Map.entry(rs.getString("type"), rs.getInt("max_databases")), userId);
        Map<String, Integer> maxDatabasesPerType = new HashMap<>();
        perType.forEach(entry -> maxDatabasesPerType.put(entry.getKey(), entry.getValue()));
        return jdbc.query("select plan_name, database_disk_mb from account_limits where user_id = ?",
                (rs, row) -> new AccountLimits(rs.getString("plan_name"), maxDatabasesPerType,
                        rs.getInt("database_disk_mb")), userId).stream().findFirst();
    }

    /** Stores whether the account is suspended unless a newer standing is stored; true when it stored it. */
    boolean saveStandingIfNewer(UUID userId, boolean suspended, Instant occurredAt, UUID eventId) {
        return jdbc.update("""
                insert into account_standings (user_id, suspended, occurred_at, event_id) values (?, ?, ?, ?)
                on conflict (user_id) do update set suspended = excluded.suspended,
                    occurred_at = excluded.occurred_at, event_id = excluded.event_id
                where (account_standings.occurred_at, account_standings.event_id)
                    < (excluded.occurred_at, excluded.event_id)""",
                userId, suspended, Timestamp.from(occurredAt), eventId) == 1;
    }

    boolean suspended(UUID userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from account_standings where user_id = ? and suspended)", Boolean.class,
                userId));
    }
}
