package dev.paas.metrics.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** When the newest billing fact noticed for each user happened. */
@Repository
class NoticeWatermarks {

    private final JdbcTemplate jdbc;

    NoticeWatermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the user's mark to {@code at}; false when a fact at least as new was noticed already. */
    boolean advance(UUID userId, Instant at) {
        return jdbc.update("""
                insert into billing_notice_watermarks (user_id, occurred_at) values (?, ?)
                on conflict (user_id) do update set occurred_at = excluded.occurred_at
                where billing_notice_watermarks.occurred_at < excluded.occurred_at""", userId,
                Timestamp.from(at)) == 1;
    }
}
