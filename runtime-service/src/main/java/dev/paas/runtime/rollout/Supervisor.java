package dev.paas.runtime.rollout;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerState;
import dev.paas.runtime.container.StartedContainer;
import dev.paas.runtime.ingress.CaddyRoutes;
import dev.paas.runtime.ingress.ProjectHosts;
import dev.paas.runtime.ingress.UpstreamDirectory;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every app as its owner wants it, once its release is live: the supervisor looks at each app every
 * {@code superviseInterval} and, in this order,
 * <ul>
 * <li>stops everything of an app that should be stopped or suspended, and removes an app that was deleted;
 * <li>notices replicas that exited and restarts them after their back-off; {@code crashLoopRestarts} restarts
 * within {@code crashLoopWindow} stop the app as {@code CRASH_LOOP};
 * <li>health-checks serving replicas every {@code probeInterval}; {@code probeFailures} failures in a row take the
 * replica out of traffic and restart it;
 * <li>replaces replicas older than a requested rolling restart, one at a time, each new one serving before the
 * old one drains;
 * <li>starts or drains replicas until the app has as many as it should.
 * </ul>
 * Because it works from its records and what Docker reports, the same pass reconciles after runtime-service or
 * the Docker engine restarted: replicas that should run are started, and traffic is rewritten from the records;
 * every app's route is checked every 30 s and written again when Caddy lost it (it keeps no configuration across its
 * own restarts).
 * An app is worked on by the one instance that holds its lease, and never while a rollout of it runs here.
 */
class Supervisor {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final AppStore store;
    private final Releases releases;
    private final AppContainers containers;
    private final ReplicaLauncher launcher;
    private final HealthProbe probe;
    private final Drain drain;
    private final CaddyRoutes routes;
    private final UpstreamDirectory directory;
    private final ProjectHosts hosts;
    private final ProjectLocks locks;
    private final CrashRules crashes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RuntimeProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    // when each app's route was last checked: Caddy keeps no configuration across its own restarts
    private final ConcurrentHashMap<UUID, Long> routeChecked = new ConcurrentHashMap<>();
    // when each suspended app's "paused" route was last checked
    private final ConcurrentHashMap<UUID, Long> pausedChecked = new ConcurrentHashMap<>();
    private static final long ROUTE_RECHECK_NANOS = java.time.Duration.ofSeconds(30).toNanos();

    Supervisor(AppStore store, Releases releases, AppContainers containers, ReplicaLauncher launcher,
            HealthProbe probe, Drain drain, CaddyRoutes routes, UpstreamDirectory directory, ProjectHosts hosts,
            ProjectLocks locks, CrashRules crashes, ApplicationEventPublisher events, TransactionTemplate transactions,
            RuntimeProperties properties, Clock clock) {
        this.store = store;
        this.releases = releases;
        this.containers = containers;
        this.launcher = launcher;
        this.probe = probe;
        this.drain = drain;
        this.routes = routes;
        this.directory = directory;
        this.hosts = hosts;
        this.locks = locks;
        this.crashes = crashes;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass over all apps; each app's work runs on a virtual thread of its own. */
    void tick() {
        for (AppRecord app : store.apps()) {
            UUID project = app.projectId();
            if (busy.contains(project) || !store.lease(project, owner, properties.lease())) {
                continue;
            }
            busy.add(project);
            Thread.ofVirtual().name("supervise-" + app.slug()).start(() -> {
                try {
                    superviseNow(project);
                } catch (RuntimeException e) {
                    log.warn("supervising {} failed, trying again: {}", app.slug(), e.toString());
                } finally {
                    busy.remove(project);
                }
            });
        }
    }

    /** Works on one app now, unless a rollout or another pass holds it. */
    void superviseNow(UUID projectId) {
        ReentrantLock lock = locks.of(projectId);
        if (!lock.tryLock()) {
            return;
        }
        try {
            store.app(projectId).ifPresent(this::supervise);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets which routes were checked, so that the next pass rewrites them (hosts changed). */
    void hostsChanged(UUID projectId) {
        routeChecked.remove(projectId);
        pausedChecked.remove(projectId);
    }

    /* A suspended app's host names answer the 402 page; after the containers are stopped, so a Caddy outage cannot
       keep them running (the next pass retries the page). */
    private void showPaused(AppRecord app) {
        routeChecked.remove(app.projectId());
        Long checked = pausedChecked.get(app.projectId());
        if (checked == null || System.nanoTime() - checked > ROUTE_RECHECK_NANOS) {
            routes.ensurePausedRoute(app.slug(), hosts.hostsOf(app.projectId(), app.slug()));
            pausedChecked.put(app.projectId(), System.nanoTime());
        }
    }

    private void supervise(AppRecord app) {
        switch (app.desired()) {
            case DELETED -> delete(app);
            case STOPPED -> {
                stopAll(app, app.state() == AppState.CRASH_LOOP ? AppState.CRASH_LOOP : AppState.STOPPED,
                        "stopped by its owner");
                if (pausedChecked.remove(app.projectId()) != null) {
                    // Reinstated to what its owner had asked for: stopped, no longer the paused page.
                    routes.ensureRoute(app.slug(), hosts.hostsOf(app.projectId(), app.slug()));
                }
            }
            case SUSPENDED -> {
                stopAll(app, AppState.SUSPENDED, "suspended");
                showPaused(app);
            }
            case RUNNING -> keepRunning(app);
        }
    }

    private void keepRunning(AppRecord app) {
        if (pausedChecked.remove(app.projectId()) != null) {
            // It was suspended: its proxy route comes back now, not at the next periodic check.
            routeChecked.remove(app.projectId());
        }
        Optional<Release> current = releases.findFirstByProjectIdAndStatus(app.projectId(), ReleaseStatus.RUNNING);
        if (current.isEmpty()) {
            return;
        }
        Release release = current.get();
        Long checked = routeChecked.get(app.projectId());
        if (checked == null || System.nanoTime() - checked > ROUTE_RECHECK_NANOS) {
            routes.ensureRoute(app.slug(), hosts.hostsOf(app.projectId(), app.slug()));
            routeChecked.put(app.projectId(), System.nanoTime());
        }
        List<ReplicaRecord> replicas = store.replicas(app.projectId()).stream()
                .filter(replica -> replica.deploymentId().equals(release.deploymentId()))
                .toList();
        syncTraffic(app, replicas);
        for (ReplicaRecord replica : replicas) {
            switch (replica.status()) {
                case SERVING, STARTING -> watch(app, release, replica);
                case CRASHED -> restartWhenDue(app, release, replica);
                case DRAINING -> { }
            }
            if (store.app(app.projectId()).map(AppRecord::desired).orElse(null) != AppRecord.Desired.RUNNING) {
                return;
            }
        }
        rollingRestart(app, release);
        scale(app, release);
        markRunning(app);
    }

    /* Traffic goes to exactly the serving replicas: after a restart of this service the file is rewritten. */
    private void syncTraffic(AppRecord app, List<ReplicaRecord> replicas) {
        Set<String> serving = replicas.stream().filter(r -> r.status() == ReplicaRecord.Status.SERVING)
                .map(ReplicaRecord::ip).collect(Collectors.toSet());
        if (!directory.serving(app.slug()).equals(serving)) {
            directory.serve(app.slug(), serving);
        }
    }

    private void watch(AppRecord app, Release release, ReplicaRecord replica) {
        ContainerState state = containers.state(replica.containerId());
        Instant now = clock.instant();
        if (!state.running()) {
            String reason = !state.exists() ? "its container disappeared"
                    : state.oomKilled() ? "it was killed for exceeding its memory limit (exit code " + state.exitCode()
                            + ")" : "it exited with code " + state.exitCode();
            crashed(app, release, replica, state.exists() ? state.exitCode() : null, reason);
            return;
        }
        if (replica.status() == ReplicaRecord.Status.STARTING) {
            // a start this service did not see through (it was restarted meanwhile)
            awaitAndServe(app, release, replica);
            return;
        }
        if (replica.healthySince() != null && replica.backoffMillis() > 0
                && replica.healthySince().plus(properties.backoffReset()).isBefore(now)) {
            store.resetBackoff(replica.containerId());
        }
        if (replica.nextProbeAt() != null && replica.nextProbeAt().isAfter(now)) {
            return;
        }
        String failure = probe.checkOnce(replica.address(), HealthCheck.of(app));
        if (failure == null) {
            store.probed(replica.containerId(), 0, now.plus(properties.probeInterval()), now);
            return;
        }
        int failures = replica.probeFailures() + 1;
        log.info("{}: health check {} of {} failed: {}", replica.name(), failures, properties.probeFailures(),
                failure);
        if (failures < properties.probeFailures()) {
            store.probed(replica.containerId(), failures, now.plus(properties.probeInterval()), now);
            return;
        }
        directory.withdraw(app.slug(), replica.ip());
        containers.stop(replica.containerId());
        crashed(app, release, replica, null, "it failed its health check " + failures + " times in a row ("
                + failure + ")");
    }

    private void crashed(AppRecord app, Release release, ReplicaRecord replica, Long exitCode, String reason) {
        directory.withdraw(app.slug(), replica.ip());
        CrashRules.Verdict verdict = crashes.restarted(app.projectId(), replica.containerId(), exitCode, reason,
                replica.backoffMillis());
        if (verdict.crashLoop()) {
            crashLoop(app, release, verdict, reason, containers.lastLogLines(replica.containerId(),
                    properties.logLines()));
            return;
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            store.crashed(replica.containerId(), now.plus(verdict.delay()), verdict.delay().toMillis(), now);
            events.publishEvent(new AppEvents.Restarted(app.projectId(), release.deploymentId(), app.ownerId(),
                    replica.containerId(), replica.instance(), reason, exitCode, verdict.exitCodes().size(),
                    verdict.delay().toMillis()));
        });
        log.info("{}: {}; restart {} in the last {} s, starting it again in {} ms", replica.name(), reason,
                verdict.exitCodes().size(), properties.crashLoopWindow().toSeconds(), verdict.delay().toMillis());
    }

    private void crashLoop(AppRecord app, Release release, CrashRules.Verdict verdict, String reason,
            List<String> lastLines) {
        String summary = "crash loop: " + verdict.exitCodes().size() + " restarts within "
                + properties.crashLoopWindow().toSeconds() + " s; last: " + reason;
        log.info("{}: {}", app.slug(), summary);
        transactions.executeWithoutResult(status -> {
            store.desire(app.projectId(), AppRecord.Desired.STOPPED, clock.instant());
            store.state(app.projectId(), AppState.CRASH_LOOP, summary, clock.instant());
            events.publishEvent(new AppEvents.CrashLoop(app.projectId(), release.deploymentId(), app.ownerId(),
                    verdict.exitCodes().size(), properties.crashLoopWindow().toSeconds(), verdict.exitCodes(),
                    lastLines));
            events.publishEvent(new AppEvents.StateChanged(app.projectId(), app.ownerId(), AppState.CRASH_LOOP.name(), 0, summary,
                    null));
        });
        directory.serve(app.slug(), List.of());
        for (ReplicaRecord each : store.replicas(app.projectId())) {
            containers.stopAndRemove(each.containerId());
            store.removeReplica(each.containerId());
        }
    }

    private void restartWhenDue(AppRecord app, Release release, ReplicaRecord replica) {
        if (replica.nextStartAt() != null && replica.nextStartAt().isAfter(clock.instant())) {
            return;
        }
        ContainerState state = containers.state(replica.containerId());
        if (!state.exists()) {
            // gone (removed by hand, or the engine lost it): a new container takes its place
            store.removeReplica(replica.containerId());
            startReplica(app, release, replica.instance(), replica.generation() + 1, replica.backoffMillis());
            return;
        }
        containers.restart(replica.containerId());
        store.status(replica.containerId(), ReplicaRecord.Status.STARTING, clock.instant());
        awaitAndServe(app, release, store.replica(replica.containerId()).orElse(replica));
    }

    /** Waits for a started replica's first passing check; then it serves, else it counts as a crash. */
    private void awaitAndServe(AppRecord app, Release release, ReplicaRecord replica) {
        StartedContainer container = ReplicaLauncher.asStarted(replica);
        HealthProbe.Outcome outcome = launcher.awaitHealthy(container, release, app, properties.healthTimeout());
        if (outcome.failure() == null) {
            Instant now = clock.instant();
            store.serving(replica.containerId(), now, now.plus(properties.probeInterval()));
            directory.add(app.slug(), replica.ip());
            return;
        }
        Long exitCode = outcome instanceof HealthProbe.Exited exited ? exited.exitCode() : null;
        if (exitCode == null) {
            containers.stop(replica.containerId());
        }
        crashed(app, release, replica, exitCode, outcome.failure());
    }

    private void startReplica(AppRecord app, Release release, int instance, int generation, long backoff) {
        StartedContainer container;
        try {
            container = launcher.launch(release, app, instance, generation);
        } catch (RuntimeException e) {
            // counted like a crash, so an app whose image is gone ends as a crash loop instead of being retried forever
            String reason = "its container could not be started: " + Rollout.reasonOf(e);
            log.warn("{}: replica {}: {}", app.slug(), instance, reason);
            CrashRules.Verdict verdict = crashes.restarted(app.projectId(), "-", null, reason, backoff);
            if (verdict.crashLoop()) {
                crashLoop(app, release, verdict, reason, List.of(reason));
            }
            return;
        }
        ReplicaRecord replica = store.replica(container.id()).orElseThrow();
        if (backoff > 0) {
            transactions.executeWithoutResult(status -> store.crashed(replica.containerId(), clock.instant(), backoff,
                    clock.instant()));
            store.status(replica.containerId(), ReplicaRecord.Status.STARTING, clock.instant());
        }
        awaitAndServe(app, release, store.replica(container.id()).orElse(replica));
    }

    private void rollingRestart(AppRecord app, Release release) {
        if (app.restartRequestedAt() == null) {
            return;
        }
        List<ReplicaRecord> stale = store.replicasOf(release.deploymentId()).stream()
                .filter(replica -> replica.status() == ReplicaRecord.Status.SERVING)
                .filter(replica -> replica.createdAt().isBefore(app.restartRequestedAt()))
                .toList();
        for (ReplicaRecord old : stale) {
            StartedContainer fresh;
            try {
                fresh = launcher.launch(release, app, old.instance(), old.generation() + 1);
            } catch (RuntimeException e) {
                log.warn("{}: rolling restart could not start a replacement of {}: {}", app.slug(), old.name(),
                        e.toString());
                return;
            }
            HealthProbe.Outcome outcome = launcher.awaitHealthy(fresh, release, app, properties.healthTimeout());
            if (outcome.failure() != null) {
                // the old replica keeps serving; the restart is not tried again until it is asked for again
                log.info("{}: replacement {} did not become healthy, {} keeps serving: {}", app.slug(), fresh.name(),
                        old.name(), outcome.failure());
                containers.remove(fresh.id());
                store.removeReplica(fresh.id());
                store.requestRestart(app.projectId(), Instant.EPOCH);
                return;
            }
            Instant now = clock.instant();
            store.serving(fresh.id(), now, now.plus(properties.probeInterval()));
            directory.add(app.slug(), fresh.ip());
            directory.withdraw(app.slug(), old.ip());
            store.status(old.containerId(), ReplicaRecord.Status.DRAINING, now);
            long withdrawn = System.nanoTime();
            drain.drainAndRemove(List.of(old), release.port(), withdrawn);
            store.removeReplica(old.containerId());
            log.info("{}: rolling restart replaced {} by {}", app.slug(), old.name(), fresh.name());
        }
    }

    private void scale(AppRecord app, Release release) {
        List<ReplicaRecord> live = store.replicasOf(release.deploymentId()).stream()
                .filter(replica -> replica.status() != ReplicaRecord.Status.DRAINING)
                .toList();
        int wanted = Math.max(1, app.instances());
        if (live.size() < wanted) {
            Set<Integer> taken = live.stream().map(ReplicaRecord::instance).collect(Collectors.toCollection(HashSet::new));
            List<Integer> missing = new ArrayList<>();
            for (int instance = 0; missing.size() < wanted - live.size(); instance++) {
                if (!taken.contains(instance)) {
                    missing.add(instance);
                }
            }
            List<CompletableFuture<Void>> starts = missing.stream()
                    .map(instance -> CompletableFuture.runAsync(() -> startReplica(app, release, instance, 0, 0),
                            command -> Thread.ofVirtual().start(command)))
                    .toList();
            starts.forEach(CompletableFuture::join);
            scaled(app, wanted);
        } else if (live.size() > wanted) {
            List<ReplicaRecord> extra = live.stream()
                    .sorted(Comparator.comparingInt(ReplicaRecord::instance).reversed())
                    .limit(live.size() - wanted)
                    .toList();
            extra.forEach(replica -> {
                directory.withdraw(app.slug(), replica.ip());
                store.status(replica.containerId(), ReplicaRecord.Status.DRAINING, clock.instant());
            });
            drain.drainAndRemove(extra, release.port(), System.nanoTime());
            extra.forEach(replica -> store.removeReplica(replica.containerId()));
            log.info("{}: scaled down to {}", app.slug(), wanted);
            scaled(app, wanted);
        }
    }

    private void scaled(AppRecord app, int wanted) {
        long serving = store.replicas(app.projectId()).stream()
                .filter(replica -> replica.status() == ReplicaRecord.Status.SERVING).count();
        if (serving == wanted && app.state() == AppState.RUNNING) {
            transactions.executeWithoutResult(status -> events.publishEvent(new AppEvents.StateChanged(
                    app.projectId(), app.ownerId(), AppState.RUNNING.name(), wanted, "scaled to " + wanted, null)));
        }
    }

    private void markRunning(AppRecord app) {
        AppRecord now = store.app(app.projectId()).orElse(app);
        boolean serving = store.replicas(app.projectId()).stream()
                .anyMatch(replica -> replica.status() == ReplicaRecord.Status.SERVING);
        if (now.state() != AppState.RUNNING && serving && now.desired() == AppRecord.Desired.RUNNING) {
            transactions.executeWithoutResult(status -> {
                store.state(app.projectId(), AppState.RUNNING, "started", clock.instant());
                events.publishEvent(new AppEvents.StateChanged(app.projectId(), app.ownerId(), AppState.RUNNING.name(),
                        Math.max(1, now.instances()), now.state() == AppState.SUSPENDED ? "resumed" : "started",
                        null));
            });
        }
    }

    private void stopAll(AppRecord app, AppState target, String reason) {
        List<ReplicaRecord> replicas = store.replicas(app.projectId());
        if (!directory.serving(app.slug()).isEmpty()) {
            directory.serve(app.slug(), List.of());
        }
        if (!replicas.isEmpty()) {
            int port = releases.findFirstByProjectIdAndStatus(app.projectId(), ReleaseStatus.RUNNING)
                    .map(Release::port).orElse(0);
            replicas.forEach(replica -> store.status(replica.containerId(), ReplicaRecord.Status.DRAINING,
                    clock.instant()));
            drain.drainAndRemove(replicas, port, System.nanoTime());
            replicas.forEach(replica -> store.removeReplica(replica.containerId()));
        }
        if (app.state() != target) {
            transactions.executeWithoutResult(status -> {
                store.state(app.projectId(), target, reason, clock.instant());
                events.publishEvent(new AppEvents.StateChanged(app.projectId(), app.ownerId(), target.name(), 0,
                        app.stateReason() != null && app.stateReason().startsWith("requested: ")
                                ? app.stateReason().substring("requested: ".length()) : reason,
                        null));
            });
            log.info("{}: {}", app.slug(), target);
        }
    }

    private void delete(AppRecord app) {
        directory.serve(app.slug(), List.of());
        try {
            routes.remove(app.slug());
        } catch (RuntimeException e) {
            log.warn("{}: could not remove the route yet: {}", app.slug(), e.toString());
            return;
        }
        for (ReplicaRecord replica : store.replicas(app.projectId())) {
            containers.remove(replica.containerId());
        }
        containers.containersOfProject(app.projectId().toString()).forEach(containers::remove);
        containers.removeNetworkIfUnused(app.ownerId());
        transactions.executeWithoutResult(status -> {
            store.deleteApp(app.projectId());
            releases.deleteAll(releases.findByProjectIdAndStatusInOrderByCreatedAt(app.projectId(),
                    List.of(ReleaseStatus.values())));
        });
        routeChecked.remove(app.projectId());
        pausedChecked.remove(app.projectId());
        log.info("{}: deleted: containers, route and records removed", app.slug());
    }
}
