package dev.paas.build.builds;

import dev.paas.build.BuildProperties;
import dev.paas.build.image.DockerImages;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs queued builds on a small fixed pool ({@code paas.build.concurrency}). It is woken right after a build is queued
 * and also polls ({@code paas.build.poll-interval}), so nothing stays stuck. A heartbeat renews the leases of its
 * running builds and re-queues builds whose worker vanished (at start-up too, which resumes builds a crash left
 * RUNNING). Claims happen on one dispatcher thread; builds run on the pool. Every
 * {@code paas.build.limits.cancel-check} it looks for cancel requests of its running builds, whichever instance's API
 * recorded them, and hands them to the runners.
 */
class BuildWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BuildWorker.class);

    private final BuildQueue queue;
    private final BuildRunner runner;
    private final DockerImages images;
    private final BuildProperties properties;
    private final BuildWorkspace workspace;
    private final CancelRequests cancels;
    private final Duration cancelCheck;
    private final Semaphore slots;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ScheduledExecutorService dispatcher;
    private ExecutorService pool;

    BuildWorker(BuildQueue queue, BuildRunner runner, DockerImages images, BuildProperties properties,
            BuildWorkspace workspace, CancelRequests cancels, Duration cancelCheck) {
        this.cancels = cancels;
        this.cancelCheck = cancelCheck;
        this.queue = queue;
        this.workspace = workspace;
        this.runner = runner;
        this.images = images;
        this.properties = properties;
        this.slots = new Semaphore(properties.concurrency());
    }

    @Override
    public void start() {
        workspace.deleteOlderThan(properties.cloneTimeout().plus(properties.buildTimeout()).plus(properties.lease()));
        dispatcher = Executors.newSingleThreadScheduledExecutor(named("build-dispatcher"));
        pool = Executors.newFixedThreadPool(properties.concurrency(), named("build-worker"));
        running = true;
        long heartbeat = Math.max(1000, properties.lease().toMillis() / 3);
        dispatcher.scheduleWithFixedDelay(this::heartbeat, 0, heartbeat, TimeUnit.MILLISECONDS);
        dispatcher.scheduleWithFixedDelay(this::poll, properties.pollInterval().toMillis(),
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        dispatcher.scheduleWithFixedDelay(this::checkCancellations, cancelCheck.toMillis(), cancelCheck.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("build worker started: {} concurrent builds, polling every {}", properties.concurrency(),
                properties.pollInterval());
    }

    @Override
    public void stop() {
        running = false;
        dispatcher.shutdownNow();
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("builds {} did not stop in time; their leases run out and they are resumed later", active);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Wakes the dispatcher once a new or handed-back build is committed to the queue. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(BuildEvents.Queued queued) {
        wake();
    }

    /** Claims the builds that waited for capacity as soon as the host admits them again, not at the next poll. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Admission.Reopened reopened) {
        wake();
    }

    /** Whether the worker is shutting down (builds interrupted now are handed back, not failed). */
    boolean stopping() {
        return !running;
    }

    private void wake() {
        if (running) {
            try {
                dispatcher.execute(() -> guarded("wake-up", this::dispatch));
            } catch (RejectedExecutionException e) {
                log.debug("dispatcher stopped; wake-up ignored");
            }
        }
    }

    /** Renews this worker's leases (a third of the lease apart) and takes over builds whose worker vanished. */
    private void heartbeat() {
        guarded("heartbeat", () -> {
            queue.extendLeases(Set.copyOf(active));
            queue.requeueAbandoned();
            dispatch();
        });
    }

    /** Finds builds queued without waking this worker, such as those another replica received. */
    private void poll() {
        guarded("poll", this::dispatch);
    }

    /** Passes the cancel requests of this worker's running builds on to their runners. */
    private void checkCancellations() {
        guarded("cancel check", () -> cancels.putAll(queue.cancelRequests(Set.copyOf(active))));
    }

    private void guarded(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("build worker {} failed, tried again shortly: {}", what, e.toString());
        }
    }

    private void dispatch() {
        while (running && images.available() && slots.tryAcquire()) {
            Optional<ClaimedBuild> claimed;
            try {
                claimed = queue.claimNext();
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            ClaimedBuild build = claimed.get();
            active.add(build.id());
            try {
                pool.execute(() -> {
                    try {
                        runner.run(build, this::stopping);
                    } catch (RuntimeException e) {
                        log.error("build {} could not record its outcome; it is resumed once its lease runs out",
                                build.id(), e);
                    } finally {
                        active.remove(build.id());
                        slots.release();
                        wake();
                    }
                });
            } catch (RejectedExecutionException e) {
                // Stopping: the lease is not renewed any more, so the build is resumed once it runs out.
                active.remove(build.id());
                slots.release();
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
