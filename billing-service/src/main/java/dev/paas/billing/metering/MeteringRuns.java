package dev.paas.billing.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One {@code metering_runs} row per hour, planned without gaps from the first metered hour on: {@code PENDING},
 * then {@code RUNNING} under a replica's lease, then {@code DONE}. A replica claims an hour with
 * {@code for update skip locked}, so two replicas never meter the same hour at once; a claim whose lease ran out
 * (its replica died mid-run) is claimed again, and the charges' unique references make the second run book only what
 * the first did not.
 */
@Component
class MeteringRuns {

    /** At most this many hours are planned per pass, so a long outage is caught up in bounded steps. */
    private static final int MAX_PLANNED = 24 * 31;

    private final JdbcTemplate jdbc;

    MeteringRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a {@code PENDING} row for every hour after the last planned one up to {@code lastComplete}; the first
     * planned hour is {@code firstHour}.
     */
    @Transactional
    int plan(Instant firstHour, Instant lastComplete) {
        Timestamp latest = jdbc.queryForObject("select max(hour_start) from metering_runs", Timestamp.class);
        Instant next = latest != null ? latest.toInstant().plus(Duration.ofHours(1)) : firstHour;
        int planned = 0;
        for (Instant hour = next; !hour.isAfter(lastComplete) && planned < MAX_PLANNED;
                hour = hour.plus(Duration.ofHours(1))) {
            planned += jdbc.update("""
                    insert into metering_runs (hour_start, state, attempts) values (?, 'PENDING', 0)
                    on conflict (hour_start) do nothing""", Timestamp.from(hour));
        }
        return planned;
    }

    /** Whether any hour was ever planned. */
    boolean anyPlanned() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from metering_runs)",
                Boolean.class));
    }

    /** Claims the oldest hour that is pending or whose claim expired, for {@code lease} from {@code now}. */
    @Transactional
    Optional<Instant> claim(String replica, Instant now, Duration lease) {
        Optional<Instant> hour = jdbc.query("""
                select hour_start from metering_runs
                where state = 'PENDING' or (state = 'RUNNING' and lease_until < ?)
                order by hour_start limit 1 for update skip locked""",
                (rs, n) -> rs.getTimestamp(1).toInstant(), Timestamp.from(now)).stream().findFirst();
        hour.ifPresent(claimed -> jdbc.update("""
                update metering_runs set state = 'RUNNING', claimed_by = ?, lease_until = ?, attempts = attempts + 1
                where hour_start = ?""", replica, Timestamp.from(now.plus(lease)), Timestamp.from(claimed)));
        return hour;
    }

    /** Extends the claim; {@code false} when the replica lost it (its lease ran out and another took the hour). */
    boolean renew(Instant hour, String replica, Instant now, Duration lease) {
        return jdbc.update("""
                update metering_runs set lease_until = ? where hour_start = ? and claimed_by = ? and state = 'RUNNING'
                """, Timestamp.from(now.plus(lease)), Timestamp.from(hour), replica) == 1;
    }

    void complete(Instant hour, String replica, int resources, Duration took, Instant now) {
        jdbc.update("""
                update metering_runs set state = 'DONE', resources = ?, duration_ms = ?, completed_at = ?,
                    lease_until = null
                where hour_start = ? and claimed_by = ? and state = 'RUNNING'""", resources, took.toMillis(),
                Timestamp.from(now), Timestamp.from(hour), replica);
    }
}
