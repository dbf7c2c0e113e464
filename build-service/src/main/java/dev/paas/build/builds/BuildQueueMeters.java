package dev.paas.build.builds;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The build queue as a meter, {@code paas_build_queue_builds{status="queued"|"running"}}: builds waiting for a
 * worker and builds being built, across every replica (the queue is the database's). Counted on a background thread
 * with the index on active builds, never during a scrape; the gauges keep their last values while the database
 * does not answer.
 */
@Component
class BuildQueueMeters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BuildQueueMeters.class);

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Map<BuildStatus, AtomicLong> counts = Map.of(BuildStatus.QUEUED, new AtomicLong(),
            BuildStatus.RUNNING, new AtomicLong());
    private volatile ScheduledExecutorService executor;

    BuildQueueMeters(JdbcTemplate jdbc, MeterRegistry registry,
            @Value("${paas.build.queue-metrics-interval:15s}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
        counts.forEach((status, count) -> Gauge.builder("paas.build.queue.builds", count, AtomicLong::get)
                .description("Builds in the queue, by status: waiting for a worker or being built")
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry));
    }

    /** Counts the active builds now. */
    void refresh() {
        try {
            Map<String, Long> byStatus = new HashMap<>();
            jdbc.query("select status, count(*) as total from builds where status in ('QUEUED', 'RUNNING') group by status",
                    (RowCallbackHandler) rs -> byStatus.put(rs.getString("status"), rs.getLong("total")));
            counts.forEach((status, count) -> count.set(byStatus.getOrDefault(status.name(), 0L)));
        } catch (DataAccessException e) {
            log.debug("cannot count the build queue, keeping the last values: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "build-queue-meters");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
