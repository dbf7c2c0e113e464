package dev.paas.runtime.rollout;

import dev.paas.runtime.release.ReleaseEvents;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs rollouts, driven by the release table: woken when a release is recorded, and polling now and then for
 * work it was not woken for (releases recorded by another replica, work left by a crashed instance whose
 * leases ran out). Right after start-up it therefore picks up what a previous run left unfinished.
 */
class RolloutWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RolloutWorker.class);

    private final ReleaseClaims claims;
    private final Rollout rollout;
    private final Supervisor supervisor;
    private final int concurrency;
    private final Duration retryDelay;
    // made anew at every start: a stopped application context (a test's, paused while another runs) starts again
    private volatile ExecutorService dispatcher = newDispatcher();
    private volatile ExecutorService workers = newWorkers();

    private static ExecutorService newDispatcher() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("rollout-dispatcher").daemon().factory());
    }

    private static ExecutorService newWorkers() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rollout-", 0).factory());
    }

    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean running;

    RolloutWorker(ReleaseClaims claims, Rollout rollout, Supervisor supervisor, int concurrency,
            Duration retryDelay) {
        this.claims = claims;
        this.supervisor = supervisor;
        this.rollout = rollout;
        this.concurrency = concurrency;
        this.retryDelay = retryDelay;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReleaseEvents.Recorded recorded) {
        wake();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartUp() {
        wake();
    }

    @Scheduled(fixedDelayString = "${paas.runtime.poll-interval:5s}",
            initialDelayString = "${paas.runtime.poll-interval:5s}")
    void poll() {
        wake();
    }

    /** The supervisor's pass over all apps: health checks, restarts, scaling, stop and start. */
    @Scheduled(fixedDelayString = "${paas.runtime.supervise-interval:1s}",
            initialDelayString = "${paas.runtime.supervise-interval:1s}")
    void supervise() {
        if (!running) {
            return;
        }
        try {
            supervisor.tick();
        } catch (RuntimeException e) {
            log.warn("could not supervise apps: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${paas.runtime.lease-renewal:5s}")
    void renewLeases() {
        try {
            claims.renew();
        } catch (RuntimeException e) {
            log.warn("could not renew release leases: {}", e.toString());
        }
    }

    /** Looks for work soon; calls while a look is already queued are folded into it. */
    void wake() {
        if (running && wakeQueued.compareAndSet(false, true)) {
            dispatcher.execute(this::dispatch);
        }
    }

    private void dispatch() {
        wakeQueued.set(false);
        List<UUID> claimed;
        try {
            claimed = claims.claim(concurrency - inFlight.size());
        } catch (RuntimeException e) {
            log.warn("could not look for rollouts: {}", e.toString());
            return;
        }
        for (UUID id : claimed) {
            inFlight.add(id);
            workers.execute(() -> runClaimed(id));
        }
    }

    private void runClaimed(UUID id) {
        try {
            rollout.run(id);
            claims.release(id);
        } catch (RuntimeException e) {
            log.error("rollout of deployment {} broke off; it is picked up again later", id, e);
            postponeQuietly(id);
        } finally {
            inFlight.remove(id);
            wake();
        }
    }

    private void postponeQuietly(UUID id) {
        try {
            claims.postpone(id, retryDelay);
        } catch (RuntimeException e) {
            log.warn("could not hand back the lease on deployment {}: {}", id, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (dispatcher.isShutdown()) {
            dispatcher = newDispatcher();
            workers = newWorkers();
            wakeQueued.set(false);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        dispatcher.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
