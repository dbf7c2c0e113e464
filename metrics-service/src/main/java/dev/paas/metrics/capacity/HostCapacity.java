package dev.paas.metrics.capacity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The host's admitting state as the platform acts on it, in the {@code host_capacity} table so every replica and
 * restart agrees. A flip needs {@code confirmSamples} consecutive verdicts on the other side (against flapping around
 * the threshold); the first verdict after start-up and the first after an administrator changed the threshold count
 * at once. The flip is a compare-and-set on the row in the transaction that records the event, so with several
 * replicas exactly one reports it.
 */
class HostCapacity {

    private static final Logger log = LoggerFactory.getLogger(HostCapacity.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final int confirmSamples;
    private boolean checkedSinceStart;
    private boolean decisiveNext;
    private int streak;

    HostCapacity(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            int confirmSamples) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.confirmSamples = Math.max(1, confirmSamples);
    }

    /** Makes the next verdict count at once (an administrator's decision is not noise). */
    synchronized void decideNext() {
        decisiveNext = true;
    }

    /** Weighs one sampling pass's verdict; flips the stored state when it is confirmed. */
    synchronized void observe(String host, CapacityVerdict verdict, Instant at) {
        Optional<StoredState> stored = stored(host);
        boolean decisive = !checkedSinceStart || decisiveNext;
        checkedSinceStart = true;
        decisiveNext = false;
        if (stored.isPresent() && stored.get().admitting() == verdict.admitting()) {
            streak = 0;
            if (!verdict.admitting() && !verdict.reason().equals(stored.get().reason())) {
                jdbc.update("update host_capacity set reason = ? where host = ? and admitting = false",
                        verdict.reason(), host);
            }
            return;
        }
        streak++;
        if (decisive || streak >= confirmSamples) {
            streak = 0;
            flip(host, verdict, at);
        }
    }

    /** The stored state of {@code host}, if it was ever decided. */
    Optional<StoredState> stored(String host) {
        List<StoredState> rows = jdbc.query("""
                select admitting, reason, changed_at from host_capacity where host = ?""",
                (rs, i) -> new StoredState(rs.getBoolean("admitting"), rs.getString("reason"),
                        rs.getTimestamp("changed_at").toInstant()), host);
        return rows.stream().findFirst();
    }

    private void flip(String host, CapacityVerdict verdict, Instant at) {
        transactions.executeWithoutResult(status -> {
            int changed = jdbc.update("""
                    insert into host_capacity (host, admitting, reason, cpu_percent, memory_percent, disk_percent,
                        threshold_percent, changed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (host) do update set admitting = excluded.admitting, reason = excluded.reason,
                        cpu_percent = excluded.cpu_percent, memory_percent = excluded.memory_percent,
                        disk_percent = excluded.disk_percent, threshold_percent = excluded.threshold_percent,
                        changed_at = excluded.changed_at
                    where host_capacity.admitting <> excluded.admitting""",
                    host, verdict.admitting(), verdict.reason(), verdict.cpuPercent(), verdict.memoryPercent(),
                    verdict.diskPercent(), verdict.thresholdPercent(), Timestamp.from(at));
            if (changed == 1) {
                log.info("host {} {} new deployments{}", host, verdict.admitting() ? "admits" : "admits no",
                        verdict.admitting() ? "" : ": " + verdict.reason());
                events.publishEvent(new CapacityEvents.AdmissionChanged(host, verdict.admitting(),
                        verdict.cpuPercent(), verdict.memoryPercent(), verdict.diskPercent(),
                        verdict.thresholdPercent(), verdict.reason()));
            }
        });
    }

    /** What the platform currently acts on. */
    record StoredState(boolean admitting, String reason, Instant changedAt) {
    }
}
