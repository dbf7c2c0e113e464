package dev.paas.runtime.rollout;

import dev.paas.runtime.accounts.AccountLimits;
import dev.paas.runtime.accounts.Accounts;
import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerLimits;
import dev.paas.runtime.container.ContainerSpec;
import dev.paas.runtime.container.StartedContainer;
import dev.paas.runtime.release.Release;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** Starts one replica of a release and waits until it passes its health check. */
class ReplicaLauncher {

    private final AppContainers containers;
    private final HealthProbe probe;
    private final AppStore store;
    private final AppVariables variables;
    private final RuntimeProperties properties;
    private final Accounts accounts;
    private final Clock clock;

    ReplicaLauncher(AppContainers containers, HealthProbe probe, AppStore store, AppVariables variables,
            RuntimeProperties properties, Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.containers = containers;
        this.probe = probe;
        this.store = store;
        this.variables = variables;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The limits of the app's containers: its own settings capped at its account's plan, or the plan's when it has
     * none; while the plan is unknown, its own settings, else the platform's defaults.
     */
    ContainerLimits limits(AppRecord app) {
        ContainerLimits defaults = properties.limits();
        Integer memoryMb = app == null ? null : app.memoryMb();
        Integer cpuMillis = app == null ? null : app.cpuMillis();
        Optional<AccountLimits> plan = app == null ? Optional.empty()
                : accounts.limitsOf(app.ownerId());
        if (plan.isPresent()) {
            memoryMb = plan.get().memoryMbFor(memoryMb);
            cpuMillis = plan.get().cpuMillisFor(cpuMillis);
        }
        long memory = memoryMb != null ? memoryMb * 1024L * 1024L : defaults.memoryBytes();
        double cpus = cpuMillis != null ? cpuMillis / 1000.0 : defaults.nanoCpus() / 1_000_000_000.0;
        return ContainerLimits.of(memory, cpus, properties.pidsLimit());
    }

    /** Creates and starts the container and records it {@code STARTING}; it gets no traffic yet. */
    StartedContainer launch(Release release, AppRecord app, int instance, int generation) {
        ContainerSpec spec = ContainerSpec.forReplica(release.slug(), release.projectId(), release.ownerId(),
                release.deploymentId(), instance, generation, release.imageTag(), release.port(), limits(app),
                variables.of(release.projectId()));
        StartedContainer container = containers.start(spec);
        try {
            store.addReplica(new ReplicaRecord(container.id(), release.deploymentId(), release.projectId(), instance,
                    generation, container.name(), container.ip(), container.hostPort(),
                    ReplicaRecord.Status.STARTING, 0, null, null, null, 0, clock.instant()), clock.instant());
        } catch (RuntimeException e) {
            containers.remove(container.id());
            throw e;
        }
        return container;
    }

    /** Waits for the replica's first passing health check; the outcome says how it ended. */
    HealthProbe.Outcome awaitHealthy(StartedContainer container, Release release, AppRecord app, Duration timeout) {
        try {
            return probe.await(container, release.port(), timeout, HealthCheck.of(app)).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new HealthProbe.Silent(release.port(), timeout, 0, java.util.Optional.empty(),
                    java.util.List.of("could not check whether the app answers: " + cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + container.name() + " to answer", e);
        }
    }

    static StartedContainer asStarted(ReplicaRecord replica) {
        return new StartedContainer(replica.containerId(), replica.name(), replica.ip(), replica.hostPort());
    }
}
