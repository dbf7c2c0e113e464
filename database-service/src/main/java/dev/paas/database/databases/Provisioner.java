package dev.paas.database.databases;

import dev.paas.database.accounts.Accounts;
import dev.paas.database.engine.DatabaseEngines;
import dev.paas.database.engine.DatabaseSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Provisions {@code PROVISIONING} databases: claims each with a lease (no two replicas provision the same one; a
 * replica that died leaves a lease that expires and another picks it up), starts its container, waits until the
 * engine accepts the credentials, then {@code RUNNING}; on failure the container and volume are removed and the
 * database is {@code FAILED} with the reason. One whose account was suspended meanwhile is stopped right after and held
 * like the account's other databases, so that its reinstatement starts it.
 */
@Component
class Provisioner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);
    private static final Duration READY_POLL = Duration.ofMillis(500);

    private final DatabaseStore store;
    private final DatabaseSecrets secrets;
    private final DatabaseEngines engines;
    private final DatabasesProperties.Provisioning settings;
    private final Duration stopGrace;
    private final Accounts accounts;
    private final AccountHolds holds;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TaskScheduler scheduler;
    private final String leaseOwner = "provisioner-" + UUID.randomUUID();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Object> ownerLocks = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> passes;
    private volatile boolean running;

    Provisioner(DatabaseStore store, DatabaseSecrets secrets, DatabaseEngines engines, DatabasesProperties properties,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, TaskScheduler scheduler,
            Accounts accounts, AccountHolds holds) {
        this.store = store;
        this.secrets = secrets;
        this.engines = engines;
        this.settings = properties.provisioning();
        this.stopGrace = properties.supervision().stopGrace();
        this.accounts = accounts;
        this.holds = holds;
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
        workers.forEach(Thread::interrupt);
        for (Thread worker : List.copyOf(workers)) {
            try {
                worker.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // What this replica had not finished is picked up by the next one at once.
        store.releaseAll(leaseOwner);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void pass() {
        try {
            while (running) {
                var claimed = store.claimNext(DatabaseState.PROVISIONING, leaseOwner, settings.lease());
                if (claimed.isEmpty()) {
                    return;
                }
                DatabaseRecord db = claimed.get();
                Thread worker = Thread.ofVirtual().name("provision-" + db.id()).unstarted(() -> {
                    try {
                        provision(db);
                    } finally {
                        workers.remove(Thread.currentThread());
                    }
                });
                workers.add(worker);
                worker.start();
            }
        } catch (RuntimeException e) {
            log.warn("Provisioning pass failed: {}", e.getMessage());
        }
    }

    void provision(DatabaseRecord db) {
        DatabaseSpec spec = db.spec(secrets.open(db.id(), db.credentialsSealed()));
        try {
            log.info("Provisioning database {} ({} {}, image {})", db.id(), db.type().id(), db.version(), db.image());
            startAlone(spec);
            Instant deadline = Instant.now().plus(settings.readyTimeout());
            while (!engines.ready(spec)) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    fail(db, spec, db.type().id() + " did not accept connections within "
                            + settings.readyTimeout().toSeconds() + " s" + logs(spec));
                    return;
                }
                if (!store.claim(db.id(), DatabaseState.PROVISIONING, leaseOwner, settings.lease())) {
                    log.info("Database {} is no longer being provisioned here", db.id());
                    if (store.find(db.id()).isEmpty()) {
                        // Deleted while its container was being created: the deletion found nothing to remove.
                        removeContainerAndVolume(spec);
                    }
                    return;
                }
                Thread.sleep(READY_POLL);
            }
            Outcome outcome = transactions.execute(status -> provisioned(db));
            if (outcome == Outcome.RUNNING) {
                log.info("Database {} is RUNNING", db.id());
            } else if (outcome == Outcome.HELD) {
                engines.stop(spec.containerName(), stopGrace);
                log.info("Database {} is provisioned and STOPPED: its account is suspended", db.id());
            } else if (store.find(db.id()).isEmpty()) {
                removeContainerAndVolume(spec);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!running || Thread.currentThread().isInterrupted()) {
                return;
            }
            log.warn("Provisioning database {} failed: {}", db.id(), e.getMessage());
            fail(db, spec, "provisioning failed: " + e.getMessage() + logs(spec));
        }
    }

    /**
     * Marks the database provisioned, under its owner's lock so that an account's suspension sees it either
     * provisioning (and this sees the suspension) or running (and stops it itself).
     */
    private Outcome provisioned(DatabaseRecord db) {
        store.lockOwner(db.ownerId());
        if (!store.transition(db.id(), EnumSet.of(DatabaseState.PROVISIONING), DatabaseState.RUNNING, null)) {
            return Outcome.GONE;
        }
        // A change of the owner's plan while it was provisioning gave it another quota.
        long diskQuotaBytes = store.find(db.id()).map(DatabaseRecord::diskQuotaBytes).orElse(db.diskQuotaBytes());
        events.publishEvent(new DatabaseEvents.Provisioned(db.id(), db.ownerId(), db.name(), db.type().id(),
                db.version(), db.image(), db.memoryBytes(), db.nanoCpus(), diskQuotaBytes));
        if (!accounts.suspended(db.ownerId())) {
            return Outcome.RUNNING;
        }
        store.transition(db.id(), EnumSet.of(DatabaseState.RUNNING), DatabaseState.STOPPED,
                Databases.SUSPENDED_REASON);
        holds.hold(db.id(), db.ownerId(), Instant.now());
        events.publishEvent(new DatabaseEvents.StateChanged(db.id(), db.ownerId(), db.type().id(), "STOPPED",
                Databases.SUSPENDED_REASON, null));
        return Outcome.HELD;
    }

    /** How provisioning ended: running, held by its account's suspension, or no longer provisioning here. */
    private enum Outcome {
        RUNNING, HELD, GONE
    }

    /**
     * Starts the container while no other of the same owner starts here: the first one creates the owner's network,
     * and Docker would otherwise accept two networks of the same name.
     */
    private void startAlone(DatabaseSpec spec) {
        Object lock = ownerLocks.computeIfAbsent(spec.ownerId(), owner -> new Object());
        synchronized (lock) {
            engines.start(spec);
        }
    }

    private void fail(DatabaseRecord db, DatabaseSpec spec, String reason) {
        String safe = reason.replace(spec.credentials().password(), "***");
        removeContainerAndVolume(spec);
        transactions.executeWithoutResult(status -> {
            if (store.transition(db.id(), EnumSet.of(DatabaseState.PROVISIONING), DatabaseState.FAILED, safe)) {
                events.publishEvent(new DatabaseEvents.Failed(db.id(), db.ownerId(), db.name(), db.type().id(),
                        safe));
            }
        });
        log.warn("Database {} FAILED", db.id());
    }

    private String logs(DatabaseSpec spec) {
        try {
            List<String> lines = engines.lastLogLines(spec.containerName(), 10);
            return lines.isEmpty() ? "" : "; its last log lines:\n" + String.join("\n", lines);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private void removeContainerAndVolume(DatabaseSpec spec) {
        try {
            engines.stop(spec.containerName(), Duration.ofSeconds(2));
            engines.remove(spec.containerName());
            engines.removeVolume(spec.volume());
        } catch (RuntimeException e) {
            log.warn("Removing the container of database {} failed: {}", spec.databaseId(), e.getMessage());
        }
    }
}
