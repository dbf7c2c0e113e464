package dev.paas.database.databases;

import dev.paas.database.engine.ContainerStatus;
import dev.paas.database.engine.DatabaseEngines;
import dev.paas.database.engine.DatabaseSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code RUNNING} databases running: a container that exited or is missing is restarted after a back-off
 * (1 s doubling to 60 s) and the restart recorded; an engine that fails its probe 3 times running is restarted;
 * 5 restarts within 5 minutes make a {@code CRASH_LOOP} (container stopped) until the owner starts it again. It also
 * measures the disk usage and refuses writes at the quota. Each database is claimed with a short lease, so replicas
 * share the work; {@code RESTORING} and stopped databases are left alone.
 */
@Component
class Supervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final DatabaseStore store;
    private final DatabaseSecrets secrets;
    private final DatabaseEngines engines;
    private final DatabasesProperties.Supervision settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TaskScheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    private final String leaseOwner = "supervisor-" + UUID.randomUUID();
    private final Map<UUID, Instant> lastProbe = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> failedProbes = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUsage = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> passes;
    private volatile boolean running;

    Supervisor(DatabaseStore store, DatabaseSecrets secrets, DatabaseEngines engines, DatabasesProperties properties,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, TaskScheduler scheduler) {
        this.store = store;
        this.secrets = secrets;
        this.engines = engines;
        this.settings = properties.supervision();
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        running = true;
        passes = scheduler.scheduleWithFixedDelay(this::pass, settings.interval());
    }

    @Override
    public void stop() {
        running = false;
        if (passes != null) {
            passes.cancel(false);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void pass() {
        try {
            for (DatabaseRecord db : store.inStates(EnumSet.of(DatabaseState.RUNNING))) {
                if (!running) {
                    return;
                }
                if (store.claim(db.id(), DatabaseState.RUNNING, leaseOwner, settings.lease())) {
                    supervise(db);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Supervision pass failed: {}", e.getMessage());
        }
    }

    private void supervise(DatabaseRecord db) {
        DatabaseSpec spec = db.spec(secrets.open(db.id(), db.credentialsSealed()));
        try {
            ContainerStatus status = engines.status(db.container());
            if (!status.running()) {
                down(db, spec, status.exitCode(), status.state() == ContainerStatus.State.MISSING ? "its container "
                        + "is missing" : "its container exited with " + status.exitCode()
                        + (status.oomKilled() ? " (out of memory)" : ""));
                return;
            }
            if (db.restartAfter() != null) {
                store.restartAfter(db.id(), null);
            }
            probe(db, spec);
            measure(db, spec);
        } catch (RuntimeException e) {
            log.warn("Supervising database {} failed: {}", db.id(), e.getMessage());
        }
    }

    private void probe(DatabaseRecord db, DatabaseSpec spec) {
        Instant now = clock.instant();
        Instant last = lastProbe.get(db.id());
        if (last != null && now.isBefore(last.plus(settings.probeInterval()))) {
            return;
        }
        lastProbe.put(db.id(), now);
        if (engines.ready(spec)) {
            failedProbes.remove(db.id());
            return;
        }
        int failures = failedProbes.merge(db.id(), 1, Integer::sum);
        log.warn("Database {} failed its probe ({} in a row)", db.id(), failures);
        if (failures >= settings.probeFailures()) {
            failedProbes.remove(db.id());
            engines.stop(db.container(), settings.stopGrace());
            down(db, spec, null, "it failed " + failures + " probes in a row");
        }
    }

    /** The container is not running: counts a restart, then waits its back-off, or gives up in a crash loop. */
    private void down(DatabaseRecord db, DatabaseSpec spec, Long exitCode, String why) {
        Instant now = clock.instant();
        if (db.restartAfter() == null) {
            Boolean crashLoop = transactions.execute(status -> {
                store.recordRestart(db.id(), exitCode, now);
                int restarts = store.restartsSince(db.id(), now.minus(settings.crashLoopWindow()));
                if (restarts >= settings.crashLoopRestarts()) {
                    String reason = restarts + " restarts within " + settings.crashLoopWindow().toMinutes()
                            + " min; last: " + why;
                    if (store.transition(db.id(), EnumSet.of(DatabaseState.RUNNING), DatabaseState.CRASH_LOOP,
                            reason)) {
                        events.publishEvent(new DatabaseEvents.StateChanged(db.id(), db.ownerId(), db.type().id(),
                                DatabaseState.CRASH_LOOP.name(), reason, null));
                    }
                    return true;
                }
                store.restartAfter(db.id(), now.plus(settings.backoff(restarts)));
                return false;
            });
            if (Boolean.TRUE.equals(crashLoop)) {
                log.warn("Database {} is in a crash loop ({}); stopped until its owner starts it", db.id(), why);
                engines.stop(db.container(), settings.stopGrace());
            } else {
                log.warn("Database {} is down ({}); restarting it", db.id(), why);
            }
            return;
        }
        if (!now.isBefore(db.restartAfter())) {
            engines.start(spec);
            store.restartAfter(db.id(), null);
            lastProbe.put(db.id(), now);
            if (store.find(db.id()).isEmpty()) {
                // Deleted while it was being restarted: the deletion may have found nothing to remove.
                engines.stop(db.container(), settings.stopGrace());
                engines.remove(db.container());
            }
        }
    }

    private void measure(DatabaseRecord db, DatabaseSpec spec) {
        Instant now = clock.instant();
        Instant last = lastUsage.get(db.id());
        if (last != null && now.isBefore(last.plus(settings.usageInterval()))) {
            return;
        }
        lastUsage.put(db.id(), now);
        long bytes = engines.usageBytes(spec);
        boolean exceeded = DiskQuota.exceeded(db.quotaExceeded(), bytes, db.diskQuotaBytes());
        if (exceeded && !db.quotaExceeded()) {
            log.warn("Database {} uses {} bytes, at or over its quota of {}: writes are refused", db.id(), bytes,
                    db.diskQuotaBytes());
            engines.refuseWrites(spec, true);
        } else if (!exceeded && db.quotaExceeded()) {
            log.info("Database {} uses {} bytes, below 95 % of its quota again: writes are allowed", db.id(), bytes);
            engines.refuseWrites(spec, false);
        }
        store.usage(db.id(), bytes, exceeded);
    }
}
