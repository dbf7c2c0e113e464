package dev.paas.runtime.rollout;

import dev.paas.runtime.accounts.Accounts;
import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.StartedContainer;
import dev.paas.runtime.ingress.AppUrls;
import dev.paas.runtime.ingress.CaddyRefused;
import dev.paas.runtime.ingress.CaddyRoutes;
import dev.paas.runtime.ingress.CaddyUnavailable;
import dev.paas.runtime.ingress.ProjectHosts;
import dev.paas.runtime.ingress.UpstreamDirectory;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work on one release, in the order that keeps the site up:
 * <ol>
 * <li>start as many replicas as the app has instances, beside the ones serving now;
 * <li>wait until every one passes its health check (a replica that exits is started again with back-off, and
 * counts toward the crash-loop rule);
 * <li>switch: the app's entry in the {@link UpstreamDirectory} names the new replicas only, which Caddy picks up
 * within its upstream refresh without a configuration change;
 * <li>mark the release {@code RUNNING} (publishing {@code ContainerHealthy}) and the one it replaces
 * {@code RETIRING};
 * <li>drain the replaced replicas ({@link Drain}) and stop them.
 * </ol>
 * Anything failing before the switch removes the new replicas and leaves the serving ones and their traffic as
 * they were.
 *
 * <p>Every state change and the event announcing it commit together (the outbox relays the event after commit).
 */
class Rollout {

    private static final Logger log = LoggerFactory.getLogger(Rollout.class);

    private final Releases releases;
    private final ReleaseClaims claims;
    private final AppContainers containers;
    private final AppStore store;
    private final ReplicaLauncher launcher;
    private final Drain drain;
    private final CaddyRoutes routes;
    private final UpstreamDirectory directory;
    private final ProjectHosts hosts;
    private final AppUrls urls;
    private final ProjectLocks locks;
    private final CrashRules crashes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RuntimeProperties properties;
    private final Clock clock;
    private final Timer startToHealthy;
    private final Timer healthyToSwitched;
    private final Timer drained;
    private final Accounts accounts;
    private final AccountSuspensions accountSuspensions;

    Rollout(Releases releases, ReleaseClaims claims, AppContainers containers, AppStore store,
            ReplicaLauncher launcher, Drain drain, CaddyRoutes routes, UpstreamDirectory directory, ProjectHosts hosts,
            AppUrls urls, ProjectLocks locks, CrashRules crashes, ApplicationEventPublisher events, TransactionTemplate transactions,
            RuntimeProperties properties, Clock clock, MeterRegistry meters, Accounts accounts,
            AccountSuspensions accountSuspensions) {
        this.accounts = accounts;
        this.accountSuspensions = accountSuspensions;
        this.releases = releases;
        this.claims = claims;
        this.containers = containers;
        this.store = store;
        this.launcher = launcher;
        this.drain = drain;
        this.routes = routes;
        this.directory = directory;
        this.hosts = hosts;
        this.urls = urls;
        this.locks = locks;
        this.crashes = crashes;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.startToHealthy = Timer.builder("paas.runtime.start.to.healthy")
                .description("from starting an app container to its first passing health check")
                .register(meters);
        this.healthyToSwitched = Timer.builder("paas.runtime.healthy.to.switched")
                .description("from the last new replica's first passing health check to traffic switched to them")
                .register(meters);
        this.drained = Timer.builder("paas.runtime.drain")
                .description("how long replaced replicas drained before they were stopped")
                .register(meters);
    }

    /** Does whatever the release's state calls for; a release that needs nothing is left alone. */
    void run(UUID deploymentId) {
        Optional<Release> found = releases.findById(deploymentId);
        if (found.isEmpty()) {
            return;
        }
        Release release = found.get();
        ReentrantLock lock = locks.of(release.projectId());
        lock.lock();
        try {
            switch (release.status()) {
                case PENDING -> start(release);
                case STARTING -> resumeInterrupted(release);
                case RETIRING -> retire(release.deploymentId());
                default -> log.debug("release of deployment {} is {}: nothing to do", deploymentId, release.status());
            }
        } finally {
            lock.unlock();
        }
    }

    private void start(Release release) {
        UUID id = release.deploymentId();
        store.ensureApp(release.projectId(), release.ownerId(), release.slug(), clock.instant());
        AppRecord app = store.app(release.projectId()).orElseThrow();
        if (heldForSuspendedAccount(release, app)) {
            return;
        }
        if (app.desired() == AppRecord.Desired.SUSPENDED) {
            fail(id, "the project is suspended; it is deployed again once it is resumed");
            return;
        }
        if (app.desired() == AppRecord.Desired.DELETED) {
            fail(id, "the project was deleted");
            return;
        }
        removeLeftovers(id);
        int instances = Math.max(1, app.instances());
        List<StartedContainer> started = new ArrayList<>();
        long startedAt = System.nanoTime();
        try {
            for (int instance = 0; instance < instances; instance++) {
                started.add(launcher.launch(release, app, instance, 0));
            }
        } catch (RuntimeException e) {
            removeQuietly(id);
            fail(id, reasonOf(e));
            return;
        }
        StartedContainer first = started.getFirst();
        change(id, r -> r.started(first.id(), first.name(), first.hostPort(), launcher.limits(app).memoryBytes(),
                launcher.limits(app).nanoCpus(), clock.instant()));
        log.info("deployment {}: {} replica(s) started from {}: {}", id, instances, release.imageTag(),
                started.stream().map(StartedContainer::address).toList());
        List<CompletableFuture<String>> waits = started.stream()
                .map(container -> CompletableFuture.supplyAsync(() -> untilHealthy(release, app, container),
                        command -> Thread.ofVirtual().start(command)))
                .toList();
        String failure = null;
        for (CompletableFuture<String> wait : waits) {
            String outcome = wait.join();
            if (outcome != null && failure == null) {
                failure = outcome;
            }
        }
        if (failure != null) {
            abandon(release, failure);
            return;
        }
        long healthyAt = System.nanoTime();
        startToHealthy.record(Duration.ofNanos(healthyAt - startedAt));
        goLive(release, app, started, healthyAt);
    }

    /*
     * A release of a suspended account's app is not started: the app is suspended with it, held for the account's
     * reinstatement as one that runs, and the release waits (pending) until then. Looked at again now and then, and
     * at once after the reinstatement.
     */
    private boolean heldForSuspendedAccount(Release release, AppRecord app) {
        boolean suspended = accounts.suspended(release.ownerId());
        if (!suspended && !(app.desired() == AppRecord.Desired.SUSPENDED
                && accountSuspensions.holds(release.projectId()))) {
            return false;
        }
        if (suspended && app.desired() != AppRecord.Desired.SUSPENDED
                && app.desired() != AppRecord.Desired.DELETED) {
            transactions.executeWithoutResult(status -> {
                accountSuspensions.hold(app.projectId(), release.ownerId(), AppRecord.Desired.RUNNING,
                        clock.instant());
                store.desire(app.projectId(), AppRecord.Desired.SUSPENDED, clock.instant());
                store.state(app.projectId(), app.state(), "requested: suspended: its account's balance is due",
                        clock.instant());
            });
            log.info("deployment {}: not started, its account is suspended; it starts once the account is "
                    + "reinstated", release.deploymentId());
        } else if (app.desired() == AppRecord.Desired.DELETED) {
            return false;
        }
        claims.postpone(release.deploymentId(), properties.pollInterval().multipliedBy(6));
        return true;
    }

    /**
     * Waits for one new replica; a replica that exits is started again after the back-off, counted like any
     * restart. Returns {@code null} when it passes, else why the release cannot go live.
     */
    private String untilHealthy(Release release, AppRecord app, StartedContainer container) {
        long deadline = System.nanoTime() + properties.healthTimeout().toNanos();
        long backoff = 0;
        String lastExit = null;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (lastExit != null && remaining <= 0) {
                return lastExit;
            }
            Duration left = backoff == 0 ? properties.healthTimeout() : Duration.ofNanos(remaining);
            HealthProbe.Outcome outcome = launcher.awaitHealthy(container, release, app, left);
            if (outcome.failure() == null) {
                return null;
            }
            if (!(outcome instanceof HealthProbe.Exited exited)) {
                // after a restart, the time left ran out before it answered: the crash says more than the wait
                return lastExit == null ? outcome.failure() : lastExit;
            }
            lastExit = outcome.failure();
            CrashRules.Verdict verdict = crashes.restarted(release.projectId(), container.id(), exited.exitCode(),
                    exited.failure(), backoff);
            backoff = verdict.delay().toMillis();
            if (verdict.crashLoop()) {
                return "crash loop: the app exited " + verdict.exitCodes().size() + " times within "
                        + properties.crashLoopWindow().toSeconds() + " s (exit codes " + verdict.exitCodes()
                        + "); last: " + outcome.failure();
            }
            if (System.nanoTime() + verdict.delay().toNanos() - deadline >= 0) {
                return outcome.failure();
            }
            log.info("deployment {}: {} {}; starting it again in {} ms", release.deploymentId(), container.name(),
                    outcome.failure(), verdict.delay().toMillis());
            LockSupport.parkNanos(verdict.delay().toNanos());
            containers.restart(container.id());
        }
    }

    private void goLive(Release release, AppRecord app, List<StartedContainer> started, long healthyAt) {
        UUID id = release.deploymentId();
        Optional<UUID> replaced;
        Set<String> previous;
        try {
            routes.ensureRoute(release.slug(), hosts.hostsOf(release.projectId(), release.slug()));
            previous = directory.serving(release.slug());
            directory.serve(release.slug(), started.stream().map(StartedContainer::ip).toList());
            Duration switchDelay = Duration.ofNanos(System.nanoTime() - healthyAt);
            healthyToSwitched.record(switchDelay);
            Instant now = clock.instant();
            Instant nextProbe = now.plus(properties.probeInterval());
            for (StartedContainer container : started) {
                store.serving(container.id(), now, nextProbe);
            }
            log.info("deployment {}: traffic of {} switched to {} (was {}) {} ms after the last first passing health "
                    + "check", id, urls.host(release.slug()),
                    started.stream().map(StartedContainer::ip).toList(), previous, switchDelay.toMillis());
            replaced = promote(id, app);
        } catch (RuntimeException e) {
            abandon(release, reasonOf(e));
            return;
        }
        replaced.ifPresent(this::retire);
    }

    /** Marks the release RUNNING and the project's previous RUNNING release RETIRING, in one transaction. */
    private Optional<UUID> promote(UUID id, AppRecord app) {
        return transactions.execute(status -> {
            Release release = releases.findById(id).orElseThrow();
            release.promoted(urls.url(release.slug()), clock.instant());
            List<Release> previous = releases.findByProjectIdAndStatusInOrderByCreatedAt(release.projectId(),
                    List.of(ReleaseStatus.RUNNING));
            Optional<UUID> replaced = Optional.empty();
            for (Release old : previous) {
                if (!old.deploymentId().equals(id)) {
                    old.supersededBy(id, clock.instant());
                    releases.save(old);
                    store.replicasOf(old.deploymentId()).forEach(replica ->
                            store.status(replica.containerId(), ReplicaRecord.Status.DRAINING, clock.instant()));
                    claims.hold(old.deploymentId());
                    replaced = Optional.of(old.deploymentId());
                }
            }
            releases.save(release);
            AppRecord current = store.app(release.projectId()).orElse(app);
            if (current.desired() == AppRecord.Desired.STOPPED) {
                store.desire(release.projectId(), AppRecord.Desired.RUNNING, clock.instant());
            }
            if (current.state() != AppState.RUNNING) {
                store.state(release.projectId(), AppState.RUNNING, "deployment " + id + " went live", clock.instant());
                if (current.state() != AppState.DEPLOYING) {
                    events.publishEvent(new AppEvents.StateChanged(release.projectId(), release.ownerId(), AppState.RUNNING.name(),
                            Math.max(1, current.instances()), "deployment " + id + " went live", null));
                }
            }
            return replaced;
        });
    }

    /** Drains and removes a superseded release's replicas, then marks it REPLACED. */
    void retire(UUID deploymentId) {
        Release old = releases.findById(deploymentId).orElseThrow();
        if (old.status() != ReleaseStatus.RETIRING) {
            return;
        }
        try {
            List<ReplicaRecord> replicas = store.replicasOf(deploymentId);
            Set<String> ips = replicas.stream().map(ReplicaRecord::ip).collect(Collectors.toSet());
            if (!ips.isEmpty() && directory.serving(old.slug()).stream().anyMatch(ips::contains)) {
                // interrupted between the switch and here: the new release's replicas are the ones to serve
                directory.serve(old.slug(), directory.serving(old.slug()).stream()
                        .filter(ip -> !ips.contains(ip)).toList());
            }
            Duration waited = drain.drainAndRemove(replicas, old.port(), System.nanoTime());
            drained.record(waited);
            replicas.forEach(replica -> store.removeReplica(replica.containerId()));
            if (old.containerId() != null) {
                containers.stopAndRemove(old.containerId());
            }
            containers.containersOf(deploymentId.toString()).forEach(containers::remove);
            change(deploymentId, r -> r.replaced(clock.instant()));
            log.info("deployment {}: replaced replicas drained for {} ms, stopped and removed", deploymentId,
                    waited.toMillis());
            claims.release(deploymentId);
        } catch (RuntimeException e) {
            log.warn("deployment {}: could not remove replaced replicas yet: {}", deploymentId, e.toString());
            claims.postpone(deploymentId, properties.pollInterval().multipliedBy(6));
        }
    }

    /*
     * runtime-service stopped while this release was starting. Whatever it left (containers, maybe even the
     * switched traffic) is cleaned up and the start is tried again, a bounded number of times.
     */
    private void resumeInterrupted(Release release) {
        UUID id = release.deploymentId();
        cleanUp(release);
        if (release.attempts() >= properties.maxAttempts()) {
            fail(id, "runtime-service was interrupted while starting the containers " + release.attempts()
                    + " times; giving up");
            return;
        }
        log.info("deployment {}: start was interrupted (attempt {}), trying again", id, release.attempts());
        change(id, r -> r.interrupted(clock.instant()));
        start(releases.findById(id).orElseThrow());
    }

    private void abandon(Release release, String reason) {
        log.info("deployment {}: giving up: {}", release.deploymentId(), reason);
        cleanUp(release);
        if (reason.startsWith("crash loop")) {
            crashLoopOnFirstRelease(release, reason);
        }
        fail(release.deploymentId(), reason);
    }

    /* A crash loop of a project that has nothing else serving: the project, not only the deployment, is down. */
    private void crashLoopOnFirstRelease(Release release, String reason) {
        boolean serving = releases.findFirstByProjectIdAndStatus(release.projectId(), ReleaseStatus.RUNNING)
                .isPresent();
        List<Long> exitCodes = store.restartsSince(release.projectId(),
                clock.instant().minus(properties.crashLoopWindow()));
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new AppEvents.CrashLoop(release.projectId(), release.deploymentId(), release.ownerId(),
                    exitCodes.size(), properties.crashLoopWindow().toSeconds(), exitCodes, List.of(reason)));
            if (!serving) {
                store.desire(release.projectId(), AppRecord.Desired.STOPPED, clock.instant());
                store.state(release.projectId(), AppState.CRASH_LOOP, reason, clock.instant());
                events.publishEvent(new AppEvents.StateChanged(release.projectId(), release.ownerId(), AppState.CRASH_LOOP.name(),
                        0, reason, null));
            }
        });
    }

    /*
     * Removes the release's replicas. If traffic already went to them (the switch happened, then something
     * failed), it goes back to the replicas that served before.
     */
    private void cleanUp(Release release) {
        try {
            List<ReplicaRecord> replicas = store.replicasOf(release.deploymentId());
            Set<String> ips = replicas.stream().map(ReplicaRecord::ip).collect(Collectors.toSet());
            Set<String> serving = directory.serving(release.slug());
            if (serving.stream().anyMatch(ips::contains)) {
                restoreTraffic(release);
            }
        } catch (RuntimeException e) {
            log.warn("deployment {}: could not check or restore the traffic of {}: {}", release.deploymentId(),
                    release.slug(), e.toString());
        }
        removeQuietly(release.deploymentId());
    }

    private void restoreTraffic(Release release) {
        Optional<Release> running = releases.findFirstByProjectIdAndStatus(release.projectId(),
                ReleaseStatus.RUNNING);
        List<String> ips = running.map(r -> store.replicasOf(r.deploymentId()).stream()
                .filter(replica -> replica.status() == ReplicaRecord.Status.SERVING)
                .map(ReplicaRecord::ip).toList()).orElse(List.of());
        directory.serve(release.slug(), ips);
    }

    private void removeLeftovers(UUID deploymentId) {
        store.replicasOf(deploymentId).forEach(replica -> {
            containers.remove(replica.containerId());
            store.removeReplica(replica.containerId());
        });
        containers.containersOf(deploymentId.toString()).forEach(containers::remove);
    }

    private void removeQuietly(UUID deploymentId) {
        try {
            removeLeftovers(deploymentId);
        } catch (RuntimeException e) {
            log.warn("deployment {}: could not remove its containers yet: {}", deploymentId, e.toString());
        }
    }

    private void fail(UUID id, String reason) {
        change(id, r -> r.failed(reason, clock.instant()));
    }

    /** Applies a state change; saving the release publishes the events it registered, in the same transaction. */
    private void change(UUID id, Consumer<Release> transition) {
        transactions.executeWithoutResult(status -> {
            Release release = releases.findById(id).orElseThrow();
            transition.accept(release);
            releases.save(release);
        });
    }

    static String reasonOf(Throwable e) {
        return switch (e) {
            case CaddyRefused refused -> "the ingress refused the route: " + refused.getMessage();
            case CaddyUnavailable unavailable -> "the ingress could not be reached: " + unavailable.getMessage();
            case null -> "unknown error";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
