package dev.paas.runtime.rollout;

import dev.paas.problems.Conflict;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.runtime.accounts.AccountLimits;
import dev.paas.runtime.accounts.PlanRules;
import dev.paas.runtime.domains.ProjectHostsChanged;
import dev.paas.runtime.projects.ProjectRemoved;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What owners (and the platform) ask of a running project: stop, start, rolling restart, scale, resource and
 * health-check settings, suspension, deletion. Each request records what is wanted and wakes the
 * {@link Supervisor}, which makes it so; the request returns before the containers have changed.
 */
public class AppLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppLifecycle.class);

    private final AppStore store;
    private final Releases releases;
    private final Supervisor supervisor;
    private final RuntimeProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccountSuspensions accountSuspensions;
    private final PlanRules plans;

    AppLifecycle(AppStore store, Releases releases, Supervisor supervisor, RuntimeProperties properties,
            TransactionTemplate transactions, Clock clock, AccountSuspensions accountSuspensions, PlanRules plans) {
        this.accountSuspensions = accountSuspensions;
        this.plans = plans;
        this.store = store;
        this.releases = releases;
        this.supervisor = supervisor;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The project's runtime as its owner (or an admin) sees it; empty when it is not theirs or never ran. */
    public Optional<AppView> view(UUID projectId, UUID userId, boolean admin) {
        return owned(projectId, userId, admin).map(this::viewOf);
    }

    public AppView stop(UUID projectId, UUID userId, boolean admin) {
        AppRecord app = require(projectId, userId, admin);
        if (app.desired() == AppRecord.Desired.SUSPENDED) {
            throw new Conflict("the project is suspended; an administrator resumes it");
        }
        change(projectId, AppRecord.Desired.STOPPED, "stopped by its owner");
        return wake(projectId);
    }

    public AppView start(UUID projectId, UUID userId, boolean admin) {
        AppRecord app = require(projectId, userId, admin);
        if (!admin) {
            plans.requireInGoodStanding(app.ownerId(), "start apps");
        }
        if (app.desired() == AppRecord.Desired.SUSPENDED && !admin && accountSuspensions.holds(projectId)) {
            throw PlanRules.accountSuspended("start apps");
        }
        if (app.desired() == AppRecord.Desired.SUSPENDED) {
            throw new Conflict("the project is suspended; an administrator resumes it");
        }
        requireRelease(projectId, "started");
        transactions.executeWithoutResult(status -> {
            store.forgetRestarts(projectId);
            store.desire(projectId, AppRecord.Desired.RUNNING, clock.instant());
        });
        return wake(projectId);
    }

    public AppView restart(UUID projectId, UUID userId, boolean admin) {
        AppRecord app = require(projectId, userId, admin);
        if (app.desired() != AppRecord.Desired.RUNNING || app.state() != AppState.RUNNING) {
            throw new Conflict("only a running project can be restarted; it is " + app.state()
                    + (app.state() == AppState.STOPPED || app.state() == AppState.CRASH_LOOP
                            ? " (start it instead)" : ""));
        }
        store.requestRestart(projectId, clock.instant());
        return wake(projectId);
    }

    public AppView scale(UUID projectId, int instances, UUID userId, boolean admin) {
        AppRecord app = require(projectId, userId, admin);
        if (!admin) {
            plans.requireInGoodStanding(app.ownerId(), "scale apps");
        }
        int max = properties.bounds().maxInstances();
        if (instances < 1 || instances > max) {
            throw new InvalidInput("instances", "must be between 1 and " + max + ", was " + instances);
        }
        plans.requireInstances(app.ownerId(), instances);
        store.instances(projectId, instances, clock.instant());
        return wake(projectId);
    }

    /** Changes resource limits and the health check; {@code null} keeps a setting. Applies from the next start. */
    public AppView configure(UUID projectId, Settings settings, UUID userId, boolean admin) {
        AppRecord app = require(projectId, userId, admin);
        RuntimeProperties.Bounds bounds = properties.bounds();
        Integer memory = settings.memoryMb() == null ? app.memoryMb() : settings.memoryMb();
        Integer cpu = settings.cpuMillis() == null ? app.cpuMillis() : settings.cpuMillis();
        if (memory != null && (memory < bounds.minMemoryMb() || memory > bounds.maxMemoryMb())) {
            throw new InvalidInput("memoryMb", "must be between " + bounds.minMemoryMb() + " and "
                    + bounds.maxMemoryMb() + ", was " + memory);
        }
        if (cpu != null && (cpu < bounds.minCpuMillis() || cpu > bounds.maxCpuMillis())) {
            throw new InvalidInput("cpuMillis", "must be between " + bounds.minCpuMillis() + " and "
                    + bounds.maxCpuMillis() + " thousandths of a core, was " + cpu);
        }
        plans.requireMemory(app.ownerId(), settings.memoryMb());
        plans.requireCpu(app.ownerId(), settings.cpuMillis());
        String path = settings.healthPath() == null ? app.healthPath() : settings.healthPath();
        if (!path.startsWith("/") || path.length() > 255 || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new InvalidInput("healthPath", "must start with / and be at most 255 characters without spaces");
        }
        String check = settings.healthCheck() == null ? app.healthCheck() : settings.healthCheck().toUpperCase();
        if (!List.of("HTTP", "TCP").contains(check)) {
            throw new InvalidInput("healthCheck", "must be HTTP or TCP, was " + settings.healthCheck());
        }
        store.settings(projectId, memory, cpu, path, check, clock.instant());
        return viewOf(store.app(projectId).orElseThrow());
    }

    /** Suspends a project (billing): nothing of it runs, its data is kept, and {@link #resume} brings it back. */
    public AppView suspend(UUID projectId) {
        store.app(projectId).orElseThrow(() -> new NotFound("project", projectId, "it never ran"));
        change(projectId, AppRecord.Desired.SUSPENDED, "suspended");
        return wake(projectId);
    }

    public AppView resume(UUID projectId) {
        AppRecord app = store.app(projectId).orElseThrow(() -> new NotFound("project", projectId, "it never ran"));
        if (app.desired() != AppRecord.Desired.SUSPENDED) {
            throw new Conflict("the project is not suspended");
        }
        transactions.executeWithoutResult(status -> {
            store.forgetRestarts(projectId);
            store.desire(projectId, AppRecord.Desired.RUNNING, clock.instant());
        });
        return wake(projectId);
    }

    /**
     * The owner's account was suspended (billing): every app of it that is not suspended already is suspended, and
     * what its owner wanted before (running or stopped) is kept for {@link #reinstateAccount}. Joins the caller's
     * transaction (the event handler's); the supervisor stops the containers after the commit. A replay finds the
     * apps suspended and changes nothing.
     *
     * @return the apps it suspended
     */
    public List<UUID> suspendAccount(UUID ownerId, String reason) {
        List<UUID> suspended = transactions.execute(status -> {
            List<UUID> projects = new ArrayList<>();
            for (AppRecord app : accountSuspensions.lockUnsuspendedAppsOf(ownerId)) {
                accountSuspensions.hold(app.projectId(), ownerId, app.desired(), clock.instant());
                store.desire(app.projectId(), AppRecord.Desired.SUSPENDED, clock.instant());
                store.state(app.projectId(), app.state(), "requested: suspended: " + reason, clock.instant());
                projects.add(app.projectId());
            }
            return projects;
        });
        afterCommit(suspended);
        return suspended;
    }

    /**
     * The owner's account was reinstated: the apps its suspension suspended get back what their owner wanted before
     * (those that ran start again, those the owner had stopped stay stopped); an app an administrator suspended,
     * or one deleted meanwhile, is left as it is. Joins the caller's transaction.
     *
     * @return the apps it gave back
     */
    public List<UUID> reinstateAccount(UUID ownerId) {
        List<UUID> reinstated = transactions.execute(status -> {
            accountSuspensions.dueHeldReleases(ownerId);
            List<UUID> projects = new ArrayList<>();
            for (AccountSuspensions.Held held : accountSuspensions.release(ownerId)) {
                Optional<AppRecord> app = store.app(held.projectId());
                if (app.isEmpty() || app.get().desired() != AppRecord.Desired.SUSPENDED) {
                    continue;
                }
                store.forgetRestarts(held.projectId());
                store.desire(held.projectId(), held.desiredBefore(), clock.instant());
                store.state(held.projectId(), app.get().state(), "requested: reinstated", clock.instant());
                projects.add(held.projectId());
            }
            return projects;
        });
        afterCommit(reinstated);
        return reinstated;
    }

    /**
     * The owner's plan changed: an app with more instances than the new plan allows is scaled down to the plan's
     * most, the way an owner scales it (the supervisor drains the extra replicas). Joins the caller's transaction.
     *
     * @return the apps it scaled down
     */
    public List<UUID> planChanged(AccountLimits limits) {
        List<UUID> scaled = transactions.execute(status -> {
            List<UUID> projects = new ArrayList<>();
            for (AppRecord app : store.appsOf(limits.userId())) {
                int allowed = limits.instancesFor(app.instances());
                if (app.desired() == AppRecord.Desired.DELETED || allowed == app.instances()) {
                    continue;
                }
                store.instances(app.projectId(), allowed, clock.instant());
                log.info("project {}: scaled from {} to {} instance(s): the {} plan allows {} per app",
                        app.projectId(), app.instances(), allowed, limits.planName(), limits.instancesText());
                projects.add(app.projectId());
            }
            return projects;
        });
        afterCommit(scaled);
        return scaled;
    }

    /* Wakes the supervisor for each project once the caller's transaction has committed, so it sees the change. */
    private void afterCommit(List<UUID> projects) {
        if (projects.isEmpty()) {
            return;
        }
        Runnable wakeAll = () -> projects.forEach(project ->
                Thread.ofVirtual().start(() -> supervisor.superviseNow(project)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            wakeAll.run();
                        }
                    });
        } else {
            wakeAll.run();
        }
    }

    /**
     * The project was deleted: everything of it goes (containers, traffic, route, records). Recorded in the
     * deletion's transaction; the supervisor's next pass removes the containers.
     */
    @EventListener
    public void on(ProjectRemoved removed) {
        delete(removed.projectId());
    }

    public void delete(UUID projectId) {
        if (store.app(projectId).isPresent()) {
            store.desire(projectId, AppRecord.Desired.DELETED, clock.instant());
        } else {
            transactions.executeWithoutResult(status -> releases.deleteAll(
                    releases.findByProjectIdAndStatusInOrderByCreatedAt(projectId, List.of(ReleaseStatus.values()))));
        }
    }

    /** A custom domain was added or removed (after its commit): the route is rewritten with the new host names. */
    @EventListener
    public void on(ProjectHostsChanged changed) {
        hostsChanged(changed.projectId());
    }

    /** The project's host names changed: its route is rewritten on the supervisor's next pass. */
    public void hostsChanged(UUID projectId) {
        supervisor.hostsChanged(projectId);
        if (store.app(projectId).isPresent()) {
            Thread.ofVirtual().start(() -> supervisor.superviseNow(projectId));
        }
    }

    private void change(UUID projectId, AppRecord.Desired desired, String reason) {
        transactions.executeWithoutResult(status -> {
            store.desire(projectId, desired, clock.instant());
            store.state(projectId, store.app(projectId).orElseThrow().state(), "requested: " + reason,
                    clock.instant());
        });
    }

    private AppView wake(UUID projectId) {
        Thread.ofVirtual().start(() -> supervisor.superviseNow(projectId));
        return viewOf(store.app(projectId).orElseThrow());
    }

    private void requireRelease(UUID projectId, String what) {
        if (releases.findFirstByProjectIdAndStatus(projectId, ReleaseStatus.RUNNING).isEmpty()) {
            throw new Conflict("the project has no successful deployment to be " + what + "; deploy it first");
        }
    }

    private AppRecord require(UUID projectId, UUID userId, boolean admin) {
        return owned(projectId, userId, admin).orElseThrow(() -> new NotFound("project", projectId,
                "nothing of it has been deployed"));
    }

    private Optional<AppRecord> owned(UUID projectId, UUID userId, boolean admin) {
        return store.app(projectId)
                .filter(app -> app.desired() != AppRecord.Desired.DELETED)
                .filter(app -> admin || (app.ownerId() != null && app.ownerId().equals(userId)));
    }

    private AppView viewOf(AppRecord app) {
        Optional<Release> running = releases.findFirstByProjectIdAndStatus(app.projectId(), ReleaseStatus.RUNNING);
        List<AppView.Replica> replicas = store.replicas(app.projectId()).stream()
                .map(replica -> new AppView.Replica(replica.instance(), replica.containerId(), replica.name(),
                        replica.status().name(), replica.address(), replica.deploymentId(), replica.healthySince()))
                .toList();
        return new AppView(app.projectId(), app.state().name(), app.desired().name(), app.instances(),
                app.memoryMb(), app.cpuMillis(), app.healthPath(), app.healthCheck(),
                app.stateReason() != null && app.stateReason().startsWith("requested: ") ? null : app.stateReason(),
                running.map(Release::deploymentId).orElse(null), replicas);
    }

    /** Settings an owner changes; {@code null} keeps the current value. */
    public record Settings(Integer memoryMb, Integer cpuMillis, String healthPath, String healthCheck) {
    }
}
