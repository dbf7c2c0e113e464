package dev.paas.runtime.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * runtime-service's own copy of each account's plan limits and standing (suspended or not), fed by billing's
 * events. Every change carries when it happened and its event id: the stored state only moves to a newer one
 * (later time, or the same time and a greater id), so an older event that arrives late changes nothing.
 */
@Service
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's limits, empty until billing announced them (the platform's defaults and bounds apply). */
    public Optional<AccountLimits> limitsOf(UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM account_limits WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new AccountLimits(rs.getObject("user_id", UUID.class), rs.getString("plan_name"),
                        rs.getInt("cpu_millis"), rs.getInt("memory_mb"), rs.getInt("max_instances"),
                        runtimes(rs.getString("allowed_runtimes"))))
                .optional();
    }

    /** Whether the account is suspended now (from billing's last word on it); unknown accounts are not. */
    public boolean suspended(UUID userId) {
        if (userId == null) {
            return false;
        }
        return jdbc.sql("SELECT suspended FROM account_standing WHERE user_id = :user")
                .param("user", userId).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Records the account's limits as of {@code at} (event {@code eventId}), unless newer ones are stored.
     *
     * @return whether they were recorded (false: an older or repeated event)
     */
    public boolean limitsChanged(AccountLimits limits, Instant at, UUID eventId) {
        return jdbc.sql("""
                INSERT INTO account_limits (user_id, plan_name, cpu_millis, memory_mb, max_instances, allowed_runtimes,
                  changed_at, event_id)
                VALUES (:user, :plan, :cpu, :memory, :instances, :runtimes, :at, :event)
                ON CONFLICT (user_id) DO UPDATE SET plan_name = EXCLUDED.plan_name, cpu_millis = EXCLUDED.cpu_millis,
                  memory_mb = EXCLUDED.memory_mb, max_instances = EXCLUDED.max_instances,
                  allowed_runtimes = EXCLUDED.allowed_runtimes, changed_at = EXCLUDED.changed_at,
                  event_id = EXCLUDED.event_id
                WHERE (account_limits.changed_at, account_limits.event_id)
                  < (EXCLUDED.changed_at, EXCLUDED.event_id)""")
                .param("user", limits.userId()).param("plan", limits.planName()).param("cpu", limits.cpuMillis())
                .param("memory", limits.memoryMb()).param("instances", limits.maxInstances())
                .param("runtimes", String.join(",", limits.allowedRuntimes()))
                .param("at", Timestamp.from(at)).param("event", eventId)
                .update() == 1;
    }

    /**
     * Records whether the account is suspended as of {@code at} (event {@code eventId}), unless a newer standing
     * is stored.
     *
     * @return whether it was recorded (false: an older or repeated event)
     */
    public boolean standingChanged(UUID userId, boolean suspended, Instant at, UUID eventId) {
        return jdbc.sql("""
                INSERT INTO account_standing (user_id, suspended, changed_at, event_id)
                VALUES (:user, :suspended, :at, :event)
                ON CONFLICT (user_id) DO UPDATE SET suspended = EXCLUDED.suspended, changed_at = EXCLUDED.changed_at,
                  event_id = EXCLUDED.event_id
                WHERE (account_standing.changed_at, account_standing.event_id)
                  < (EXCLUDED.changed_at, EXCLUDED.event_id)""")
                .param("user", userId).param("suspended", suspended)
                .param("at", Timestamp.from(at)).param("event", eventId)
                .update() == 1;
    }

    private static List<String> runtimes(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
