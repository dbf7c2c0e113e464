package dev.paas.project.capacity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the host admits new deployments, as metrics-service last reported it (newest report per host; the newest
 * of all decides, as in build-service, which holds the builds back). project-service only shows it: a QUEUED
 * deployment says what it waits for.
 */
@Service
public class HostCapacity {

    private final JdbcTemplate jdbc;

    HostCapacity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records what {@code host} reported at {@code occurredAt}; a report older than the stored one changes nothing. */
    @Transactional
    public void reported(String host, boolean admitting, String reason, Instant occurredAt) {
        jdbc.update("""
                insert into host_capacity_reports (host, admitting, reason, occurred_at) values (?, ?, ?, ?)
                on conflict (host) do update set admitting = excluded.admitting, reason = excluded.reason,
                    occurred_at = excluded.occurred_at
                where host_capacity_reports.occurred_at < excluded.occurred_at""",
                host, admitting, reason, Timestamp.from(occurredAt));
    }

    /** {@code waiting for capacity: memory 91 % of host}; empty while the host admits new deployments. */
    public Optional<String> waitingFor() {
        List<String> newest = jdbc.query("""
                select admitting, reason from host_capacity_reports order by occurred_at desc limit 1""",
                (rs, i) -> rs.getBoolean("admitting") ? null : "waiting for capacity: " + rs.getString("reason"));
        return newest.stream().filter(Objects::nonNull).findFirst();
    }
}
