package dev.paas.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox rows not yet sent, as meters: {@code paas_outbox_pending} (how many) and
 * {@code paas_outbox_oldest_pending_age_seconds} (how long the oldest has waited; 0 when none waits). A growing
 * backlog means the relay cannot publish (NATS down, or a stream refusing), an old one that events are stuck.
 *
 * <p>Counted on a background thread every poll interval with the partial index on pending rows, never during a
 * scrape; when the database cannot answer the gauges keep their last values.
 */
public class OutboxBacklog implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(OutboxBacklog.class);

    private final JdbcTemplate jdbc;
    private final Duration pollInterval;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public OutboxBacklog(JdbcTemplate jdbc, MeterRegistry registry, Duration pollInterval) {
        this.jdbc = jdbc;
        this.pollInterval = pollInterval;
        Gauge.builder("paas.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events committed and not yet acknowledged by JetStream")
                .register(registry);
        Gauge.builder("paas.outbox.oldest.pending.age", oldestAgeMillis, age -> age.get() / 1000.0)
                .description("How long the oldest unsent outbox event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Counts the pending rows now; the gauges show the result until the next count. */
    public void refresh() {
        try {
            long[] backlog = jdbc.queryForObject("""
                    select count(*) as pending,
                           coalesce(extract(epoch from now() - min(occurred_at)) * 1000, 0) as oldest_millis
                    from outbox_event where published_at is null""",
                    (rs, i) -> new long[] {rs.getLong("pending"), rs.getLong("oldest_millis")});
            pending.set(backlog[0]);
            oldestAgeMillis.set(Math.max(0, backlog[1]));
            if (failing.compareAndSet(true, false)) {
                log.info("outbox backlog readable again");
            }
        } catch (DataAccessException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn("cannot count the outbox backlog, keeping the last values: " + e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-backlog");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
