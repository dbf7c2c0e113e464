package dev.paas.build.builds;

import dev.paas.build.BuildProperties;
import dev.paas.build.stack.BuildOverrides;
import dev.paas.problems.Conflict;
import dev.paas.problems.NotFound;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of builds in the database: requested deployments go in, workers claim them. Being the database, it
 * survives restarts and is shared by every replica.
 */
@Service
public class BuildQueue {

    private static final Logger log = LoggerFactory.getLogger(BuildQueue.class);

    private final Builds builds;
    private final BuildProperties properties;
    private final Clock clock;
    private final ProjectTombstones tombstones;
    private final Admission admission;

    BuildQueue(Builds builds, BuildProperties properties, Clock clock, ProjectTombstones tombstones,
            Admission admission) {
        this.builds = builds;
        this.properties = properties;
        this.clock = clock;
        this.tombstones = tombstones;
        this.admission = admission;
    }

    /**
     * Records a QUEUED build for the requested deployment of {@code repoUrl}'s {@code branch} and returns; the worker
     * is woken after commit. A deployment that already has a build (a replay) changes nothing. {@code ownerId} is
     * {@code null} for requests from before accounts existed. Only the newest request of a project waits: its older
     * QUEUED builds are superseded (cancelled); a RUNNING one carries on. A deleted project is not built.
     */
    @Transactional
    public void enqueue(UUID deploymentId, UUID projectId, UUID ownerId, String projectSlug, String repoUrl,
            String branch) {
        enqueue(deploymentId, projectId, ownerId, projectSlug, repoUrl, branch, null, BuildOverrides.NONE);
    }

    /**
     * As {@link #enqueue(UUID, UUID, UUID, String, String, String)}, for exactly {@code commitSha} of the branch
     * ({@code null}: its head when cloned), with the project's {@code overrides} of detection.
     */
    @Transactional
    public void enqueue(UUID deploymentId, UUID projectId, UUID ownerId, String projectSlug, String repoUrl,
            String branch, String commitSha, BuildOverrides overrides) {
        if (builds.existsById(deploymentId)) {
            log.info("deployment {} already has a build; the repeated request is ignored", deploymentId);
            return;
        }
        if (tombstones.isDeleted(projectId)) {
            log.info("deployment {} belongs to the deleted project {}; it is not built", deploymentId, projectId);
            return;
        }
        builds.save(Build.queue(deploymentId, projectId, ownerId, projectSlug, repoUrl, branch, commitSha, overrides,
                clock.instant()));
        for (UUID older : builds.lockQueuedOfProjectExcept(projectId, deploymentId)) {
            builds.findById(older).filter(build -> build.status() == BuildStatus.QUEUED).ifPresent(build -> {
                log.info("build {} is superseded by deployment {}", older, deploymentId);
                build.cancel("superseded by deployment " + deploymentId, clock.instant());
                builds.save(build);
            });
        }
    }

    /**
     * Cancels the build of a deployment for {@code caller} (its owner, or any build for an administrator): a queued
     * build ends CANCELLED at once, a running one is stopped by the worker running it, on whatever instance, within
     * {@code paas.build.limits.cancel-check}.
     *
     * @throws NotFound when there is no such build or it is someone else's
     * @throws Conflict when the build has ended already
     */
    @Transactional
    public BuildView cancel(UUID id, UUID caller, boolean admin) {
        Build build = builds.findById(id).filter(found -> admin || found.isOwnedBy(caller))
                .orElseThrow(() -> new NotFound("build", id, "it was never requested or has not reached build-service"
                        + " yet"));
        if (build.isFinished()) {
            throw new Conflict("build " + id + " cannot be cancelled: it is already " + build.status()
                    + (build.status() == BuildStatus.CANCELLED ? " (" + build.error() + ")" : ""));
        }
        build.cancel(admin && !build.isOwnedBy(caller) ? "cancelled by an administrator" : "cancelled by its owner",
                clock.instant());
        return BuildView.of(builds.save(build));
    }

    /** The cancel requests among {@code running} builds: build id to reason. */
    @Transactional(readOnly = true)
    Map<UUID, String> cancelRequests(Collection<UUID> running) {
        if (running.isEmpty()) {
            return Map.of();
        }
        return StreamSupport.stream(builds.findAllById(running).spliterator(), false)
                .filter(build -> build.status() == BuildStatus.RUNNING && build.cancelReason() != null)
                .collect(Collectors.toMap(Build::id, Build::cancelReason));
    }

    /**
     * Takes the oldest QUEUED build nobody else is taking, moves it to RUNNING (publishing {@code BuildStarted}) and
     * leases it to this worker. Builds that were resumed too often are failed on the way. While the host admits no
     * new deployments nothing is claimed: queued builds wait, running ones are not this method's business.
     */
    @Transactional
    Optional<ClaimedBuild> claimNext() {
        if (admission.waitingFor().isPresent()) {
            return Optional.empty();
        }
        while (true) {
            Optional<Build> next = builds.lockNextQueued().flatMap(builds::findById);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Build build = next.get();
            build.start(clock.instant());
            if (build.attempts() > properties.maxAttempts()) {
                build.fail("build was interrupted " + properties.maxAttempts() + " times while running; giving up",
                        clock.instant());
                builds.save(build);
                continue;
            }
            builds.save(build);
            builds.extendLeases(List.of(build.id()), properties.lease().toSeconds());
            return Optional.of(ClaimedBuild.of(build));
        }
    }

    /**
     * Re-queues RUNNING builds whose worker stopped renewing its lease (it crashed); they resume from the start. Those
     * asked to stop end cancelled instead.
     */
    @Transactional
    int requeueAbandoned() {
        List<UUID> abandoned = builds.lockAbandoned();
        for (UUID id : abandoned) {
            builds.findById(id).ifPresent(build -> {
                log.warn("build {} was left RUNNING by a worker that stopped (attempt {}); re-queued", id,
                        build.attempts());
                build.requeueAbandoned(clock.instant());
                builds.save(build);
            });
        }
        return abandoned.size();
    }

    /** The heartbeat of the builds this worker is running. */
    @Transactional
    void extendLeases(Collection<UUID> running) {
        if (!running.isEmpty()) {
            builds.extendLeases(running, properties.lease().toSeconds());
        }
    }
}
