package dev.paas.project.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The app quota of each account's plan, as the newest AccountLimitsChanged billing-service published said. */
@Repository
class PlanLimits {

    private final JdbcClient jdbc;

    PlanLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores what an event of {@code occurredAt} (id {@code eventId}, a UUIDv7 that breaks ties) said; false when the
     * stored limits come from a newer event, which stay.
     */
    boolean record(UUID userId, UUID planId, String planName, int maxApps, Instant occurredAt, UUID eventId) {
        return jdbc.sql("""
                        insert into account_limits (user_id, plan_id, plan_name, max_apps, occurred_at, event_id)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (user_id) do update set plan_id = excluded.plan_id,
                            plan_name = excluded.plan_name, max_apps = excluded.max_apps,
                            occurred_at = excluded.occurred_at, event_id = excluded.event_id
                        where (account_limits.occurred_at, account_limits.event_id)
                            < (excluded.occurred_at, excluded.event_id)""")
                .params(userId, planId, planName, maxApps, Timestamp.from(occurredAt), eventId)
                .update() == 1;
    }

    /** The account's app quota; empty until billing-service told of its plan. */
    Optional<AppQuota> of(UUID userId) {
        return jdbc.sql("select plan_name, max_apps from account_limits where user_id = ?")
                .param(userId)
                .query((rs, row) -> new AppQuota(rs.getString("plan_name"), rs.getInt("max_apps")))
                .optional();
    }
}
