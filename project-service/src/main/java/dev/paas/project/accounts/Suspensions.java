package dev.paas.project.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether each account is suspended, as the newest AccountSuspended or AccountReinstated said. */
@Repository
class Suspensions {

    private final JdbcClient jdbc;

    Suspensions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores what an event of {@code occurredAt} (id {@code eventId}, a UUIDv7 that breaks ties) said; false when the
     * stored state comes from a newer event, which stays.
     */
    boolean record(UUID userId, boolean suspended, String reason, Instant occurredAt, UUID eventId) {
        return jdbc.sql("""
                        insert into account_suspensions (user_id, suspended, reason, occurred_at, event_id)
                        values (?, ?, ?, ?, ?)
                        on conflict (user_id) do update set suspended = excluded.suspended,
                            reason = excluded.reason, occurred_at = excluded.occurred_at,
                            event_id = excluded.event_id
                        where (account_suspensions.occurred_at, account_suspensions.event_id)
                            < (excluded.occurred_at, excluded.event_id)""")
                .params(userId, suspended, reason, Timestamp.from(occurredAt), eventId)
                .update() == 1;
    }

    /** The account's suspension; empty while it is not suspended (or billing-service never suspended it). */
    Optional<Suspension> of(UUID userId) {
        return jdbc.sql("select reason from account_suspensions where user_id = ? and suspended")
                .param(userId)
                .query((rs, row) -> new Suspension(rs.getString("reason")))
                .optional();
    }
}
