package dev.paas.build.admission;

import dev.paas.build.builds.Admission;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The host's admitting state as metrics-service last reported it, kept in {@code host_admission} so it survives
 * restarts and every replica agrees. Per host the newest report (by when it happened) wins, and the newest of all
 * hosts decides: the platform runs its builds on one Docker engine, and a host renamed since must not hold builds
 * back forever. No report at all admits.
 */
@Service
public class HostAdmission implements Admission {

    private static final Logger log = LoggerFactory.getLogger(HostAdmission.class);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    HostAdmission(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records what {@code host} reported at {@code occurredAt}; an older report than the stored one changes nothing. */
    @Transactional
    public void reported(String host, boolean admitting, String reason, Instant occurredAt) {
        int changed = jdbc.update("""
                insert into host_admission (host, admitting, reason, occurred_at) values (?, ?, ?, ?)
                on conflict (host) do update set admitting = excluded.admitting, reason = excluded.reason,
                    occurred_at = excluded.occurred_at
                where host_admission.occurred_at < excluded.occurred_at""",
                host, admitting, reason, Timestamp.from(occurredAt));
        if (changed == 0) {
            log.debug("capacity report of {} at {} is older than the one stored; ignored", host, occurredAt);
            return;
        }
        log.info("host {} {} new builds{}", host, admitting ? "admits" : "admits no",
                admitting ? "" : ": " + reason);
        if (waitingFor().isEmpty()) {
            events.publishEvent(new Admission.Reopened());
        }
    }

    @Override
    public Optional<String> waitingFor() {
        List<String> newest = jdbc.query("""
                select admitting, reason from host_admission order by occurred_at desc limit 1""",
                (rs, i) -> rs.getBoolean("admitting") ? null : "waiting for capacity: " + rs.getString("reason"));
        return newest.stream().filter(reason -> reason != null).findFirst();
    }
}
