package dev.paas.runtime.rollout;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerLimits;
import dev.paas.runtime.container.ContainerSpec;
import dev.paas.runtime.container.StartedContainer;
import dev.paas.runtime.ingress.AppUrls;
import dev.paas.runtime.ingress.CaddyRefused;
import dev.paas.runtime.ingress.CaddyRoutes;
import dev.paas.runtime.ingress.CaddyUnavailable;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work on one release, in the order that keeps the site up: start the new container, wait until it
 * answers, point the route at it, mark it {@code RUNNING} (publishing {@code ContainerHealthy}), and only then
 * stop the container it replaces. Anything failing before the switch removes the new container and leaves the
 * old one and its route as they were.
 *
 * <p>Every state change and the event announcing it commit together (the outbox relays the event after commit).
 */
class Rollout {

    private static final Logger log = LoggerFactory.getLogger(Rollout.class);

    private final Releases releases;
    private final ReleaseClaims claims;
    private final AppContainers containers;
    private final HealthProbe probe;
    private final CaddyRoutes routes;
    private final AppUrls urls;
    private final TransactionTemplate transactions;
    private final RuntimeProperties properties;
    private final Clock clock;
    private final Timer startToHealthy;
    private final Timer routeSwitch;

    Rollout(Releases releases, ReleaseClaims claims, AppContainers containers, HealthProbe probe, CaddyRoutes routes,
            AppUrls urls, TransactionTemplate transactions, RuntimeProperties properties, Clock clock,
            MeterRegistry meters) {
        this.releases = releases;
        this.claims = claims;
        this.containers = containers;
        this.probe = probe;
        this.routes = routes;
        this.urls = urls;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.startToHealthy = Timer.builder("paas.runtime.start.to.healthy")
                .description("from starting an app container to its first HTTP answer")
                .register(meters);
        this.routeSwitch = Timer.builder("paas.runtime.route.switch")
                .description("time Caddy's admin API took to point a route at a new container")
                .register(meters);
    }

    /** Does whatever the release's state calls for; a release that needs nothing is left alone. */
    void run(UUID deploymentId) {
        Optional<Release> found = releases.findById(deploymentId);
        if (found.isEmpty()) {
            return;
        }
        Release release = found.get();
        switch (release.status()) {
            case PENDING -> start(release);
            case STARTING -> resumeInterrupted(release);
            case RETIRING -> retire(release.deploymentId());
            default -> log.debug("release of deployment {} is {}: nothing to do", deploymentId, release.status());
        }
    }

    private void start(Release release) {
        UUID id = release.deploymentId();
        ContainerLimits limits = properties.limits();
        StartedContainer container;
        try {
            // a PENDING release has no container; anything labelled with it is left from an interrupted attempt
            containers.containersOf(id.toString()).forEach(containers::remove);
            container = containers.start(ContainerSpec.forApp(release.slug(), release.projectId(), id,
                    release.imageTag(), release.port(), limits));
        } catch (RuntimeException e) {
            fail(id, reasonOf(e));
            return;
        }
        long startedAt = System.nanoTime();
        try {
            change(id, r -> r.started(container.id(), container.name(), container.hostPort(), limits.memoryBytes(),
                    limits.nanoCpus(), clock.instant()));
        } catch (RuntimeException e) {
            // not recorded, so nobody would know to remove it later
            containers.remove(container.id());
            throw e;
        }
        log.info("deployment {}: container {} started from {}, app port {} published on {}", id, container.name(),
                release.imageTag(), release.port(), container.address());
        goLive(release, container, startedAt);
    }

    private void goLive(Release release, StartedContainer container, long startedAt) {
        UUID id = release.deploymentId();
        String failure;
        try {
            HealthProbe.Outcome outcome = probe.await(container, release.port(), properties.healthTimeout()).get();
            failure = outcome.failure();
        } catch (ExecutionException e) {
            failure = "could not check whether the app answers: " + reasonOf(e.getCause());
        } catch (InterruptedException e) {
            // shutting down: the release stays STARTING and is resumed after the restart
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for deployment " + id + " to answer", e);
        }
        if (failure != null) {
            abandon(release, container, failure);
            return;
        }
        Duration untilHealthy = Duration.ofNanos(System.nanoTime() - startedAt);
        startToHealthy.record(untilHealthy);
        Optional<UUID> replaced;
        try {
            containers.keepRunning(container.id());
            long switchStarted = System.nanoTime();
            Optional<String> previousUpstream = routes.route(release.slug(), container.address());
            Duration switched = Duration.ofNanos(System.nanoTime() - switchStarted);
            routeSwitch.record(switched);
            log.info("deployment {}: answered {} ms after start; route {} -> {} (was {}) in {} ms", id,
                    untilHealthy.toMillis(), urls.host(release.slug()), container.address(),
                    previousUpstream.orElse("no route"), switched.toMillis());
            replaced = promote(id);
        } catch (RuntimeException e) {
            abandon(release, container, reasonOf(e));
            return;
        }
        replaced.ifPresent(this::retire);
    }

    /** Marks the release RUNNING and the project's previous RUNNING release RETIRING, in one transaction. */
    private Optional<UUID> promote(UUID id) {
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
                    claims.hold(old.deploymentId());
                    replaced = Optional.of(old.deploymentId());
                }
            }
            releases.save(release);
            return replaced;
        });
    }

    /** Stops and removes a superseded release's container, then marks it REPLACED. */
    private void retire(UUID deploymentId) {
        Release old = releases.findById(deploymentId).orElseThrow();
        if (old.status() != ReleaseStatus.RETIRING) {
            return;
        }
        try {
            if (old.containerId() != null) {
                containers.stopAndRemove(old.containerId());
            }
            containers.containersOf(deploymentId.toString()).forEach(containers::remove);
            change(deploymentId, r -> r.replaced(clock.instant()));
            log.info("deployment {}: replaced container {} stopped and removed", deploymentId, old.containerName());
            claims.release(deploymentId);
        } catch (RuntimeException e) {
            log.warn("deployment {}: could not remove replaced container {} yet: {}", deploymentId,
                    old.containerName(), e.toString());
            claims.postpone(deploymentId, properties.pollInterval().multipliedBy(6));
        }
    }

    /*
     * runtime-service stopped while this release was starting. Whatever it left (container, maybe even the
     * route) is cleaned up and the start is tried again, a bounded number of times.
     */
    private void resumeInterrupted(Release release) {
        UUID id = release.deploymentId();
        cleanUp(release, release.hostPort() == null ? null : "127.0.0.1:" + release.hostPort(),
                release.containerId());
        if (release.attempts() >= properties.maxAttempts()) {
            fail(id, "runtime-service was interrupted while starting the container " + release.attempts()
                    + " times; giving up");
            return;
        }
        log.info("deployment {}: start was interrupted (attempt {}), trying again", id, release.attempts());
        change(id, r -> r.interrupted(clock.instant()));
        start(releases.findById(id).orElseThrow());
    }

    private void abandon(Release release, StartedContainer container, String reason) {
        log.info("deployment {}: giving up: {}", release.deploymentId(), reason);
        cleanUp(release, container.address(), container.id());
        fail(release.deploymentId(), reason);
    }

    /*
     * Removes the release's container(s). If the route already points at it (the switch happened, then
     * something failed), the route goes back to the project's RUNNING release, or away when there is none.
     */
    private void cleanUp(Release release, String address, String containerId) {
        if (address != null) {
            try {
                if (routes.upstreamOf(release.slug()).filter(address::equals).isPresent()) {
                    restoreRoute(release);
                }
            } catch (RuntimeException e) {
                log.warn("deployment {}: could not check or restore the route of {}: {}", release.deploymentId(),
                        release.slug(), e.toString());
            }
        }
        try {
            if (containerId != null) {
                containers.remove(containerId);
            }
            containers.containersOf(release.deploymentId().toString()).forEach(containers::remove);
        } catch (RuntimeException e) {
            log.warn("deployment {}: could not remove its container yet: {}", release.deploymentId(), e.toString());
        }
    }

    private void restoreRoute(Release release) {
        Optional<Release> running = releases.findFirstByProjectIdAndStatus(release.projectId(),
                ReleaseStatus.RUNNING);
        if (running.isPresent() && running.get().hostPort() != null) {
            routes.route(release.slug(), "127.0.0.1:" + running.get().hostPort());
        } else {
            routes.remove(release.slug());
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

    private static String reasonOf(Throwable e) {
        return switch (e) {
            case CaddyRefused refused -> "the ingress refused the route: " + refused.getMessage();
            case CaddyUnavailable unavailable -> "the ingress could not be reached: " + unavailable.getMessage();
            case null -> "unknown error";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
