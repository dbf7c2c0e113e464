package dev.paas.build.builds;

import dev.paas.build.image.DockerImages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what build-service keeps of deleted projects ({@link DeletedProjects}): right after the deletion is
 * committed, and again every {@code paas.build.poll-interval} until nothing is left. A round deletes the finished
 * builds with their log lines and work directories; once no build of the project is queued or running any more
 * (a running one stops within {@code paas.build.limits.cancel-check}), it removes the project's images, those labelled
 * {@code paas.managed=true} and {@code paas.project=<id>}, and only those. An image a container still uses, or an
 * engine that does not answer, leaves the project for the next round; every step is idempotent, so replicas may
 * purge the same project at the same time.
 */
class ProjectPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectPurge.class);
    private static final int BATCH = 20;

    private final ProjectTombstones tombstones;
    private final Builds builds;
    private final BuildWorkspace workspace;
    private final DockerImages images;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private volatile boolean running;
    private ScheduledExecutorService executor;

    ProjectPurge(ProjectTombstones tombstones, Builds builds, BuildWorkspace workspace, DockerImages images,
            TransactionTemplate transactions, Clock clock, Duration interval) {
        this.tombstones = tombstones;
        this.builds = builds;
        this.workspace = workspace;
        this.images = images;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "project-purge");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::purgePending, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DeletedProjects.Forgotten forgotten) {
        if (running) {
            try {
                executor.execute(() -> guarded(forgotten.projectId()));
            } catch (RejectedExecutionException e) {
                log.debug("purge stopped; project {} is purged after the next start", forgotten.projectId());
            }
        }
    }

    /** One round over the deleted projects not purged yet. */
    void purgePending() {
        try {
            tombstones.pending(BATCH).forEach(this::guarded);
        } catch (RuntimeException e) {
            log.warn("could not look for deleted projects to purge, tried again shortly: {}", e.toString());
        }
    }

    /**
     * Removes what is left of the project; returns whether nothing is (the project is then marked purged).
     */
    boolean purge(UUID projectId) {
        boolean unfinished = builds.countUnfinishedOfProject(projectId) > 0;
        List<UUID> finished = builds.findFinishedIdsOfProject(projectId);
        if (!finished.isEmpty()) {
            finished.forEach(workspace::deleteOf);
            Integer deleted = transactions.execute(status -> builds.deleteFinished(finished));
            log.info("deleted {} build(s) of the deleted project {} with their logs", deleted, projectId);
        }
        if (unfinished) {
            return false;
        }
        int left = images.removeProjectImages(projectId.toString());
        if (left > 0) {
            log.info("{} image(s) of the deleted project {} are still in use; removed in a later round", left,
                    projectId);
            return false;
        }
        tombstones.markPurged(projectId, clock.instant());
        log.info("nothing of the deleted project {} is left in build-service", projectId);
        return true;
    }

    private void guarded(UUID projectId) {
        try {
            purge(projectId);
        } catch (RuntimeException e) {
            log.warn("could not purge the deleted project {}, tried again shortly: {}", projectId, e.toString());
        }
    }
}
