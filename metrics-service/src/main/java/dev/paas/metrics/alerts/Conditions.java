package dev.paas.metrics.alerts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Since when each threshold condition holds, per alert key. Kept in PostgreSQL so a restarted replica, or a second
 * one evaluating the same pass, continues from the same start; the earliest start wins.
 */
@Repository
class Conditions {

    private final JdbcTemplate jdbc;

    Conditions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the condition of {@code key} holds at {@code at}; returns since when it holds without a gap
     * longer than {@code gap} (a sampler that was down starts the condition again).
     */
    Instant holds(String key, String containerId, Instant at, double value, Duration gap) {
        return jdbc.queryForObject("""
                insert into alert_conditions (condition_key, container_id, since, last_seen, last_value)
                values (?, ?, ?, ?, ?)
                on conflict (condition_key) do update set
                    since = case when alert_conditions.last_seen < excluded.last_seen - ? * interval '1 millisecond'
                                 then excluded.since else least(alert_conditions.since, excluded.since) end,
                    last_seen = greatest(alert_conditions.last_seen, excluded.last_seen),
                    last_value = excluded.last_value
                returning since""", Timestamp.class, key, containerId, Timestamp.from(at), Timestamp.from(at), value,
                gap.toMillis()).toInstant();
    }

    void cleared(String key) {
        jdbc.update("delete from alert_conditions where condition_key = ?", key);
    }

    /**
     * Forgets the conditions of containers that are none of {@code present} (and are not the host), last seen
     * before {@code passAt}.
     */
    void forgetContainersExcept(List<String> present, Instant passAt) {
        jdbc.update("""
                delete from alert_conditions where container_id not like 'host:%' and not (container_id = any (?))
                and last_seen < ?""", present.toArray(String[]::new), Timestamp.from(passAt));
    }

    void forgetWithPrefix(String prefix) {
        jdbc.update("delete from alert_conditions where condition_key like ?",
                prefix.replace("%", "\\%").replace("_", "\\_") + "%");
    }
}
