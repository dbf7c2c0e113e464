package dev.paas.runtime.rollout;

import dev.paas.runtime.accounts.Accounts;
import dev.paas.runtime.accounts.PlanRules;
import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerSockets;
import dev.paas.runtime.databases.LinkedVariables;
import dev.paas.runtime.environment.ProjectEnvironment;
import dev.paas.runtime.ingress.AppUrls;
import dev.paas.runtime.ingress.CaddyRoutes;
import dev.paas.runtime.ingress.ProjectHosts;
import dev.paas.runtime.ingress.UpstreamDirectory;
import dev.paas.runtime.ingress.Upstreams;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RolloutConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReleaseClaims releaseClaims(JdbcClient jdbc, TransactionTemplate transactions, RuntimeProperties properties) {
        return new ReleaseClaims(jdbc, transactions, properties.lease());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService healthProbeScheduler(RuntimeProperties properties) {
        return Executors.newScheduledThreadPool(Math.max(1, properties.concurrency()),
                Thread.ofPlatform().name("health-probe-", 0).daemon().factory());
    }

    @Bean
    HealthProbe healthProbe(AppContainers containers, ContainerSockets sockets,
            ScheduledExecutorService healthProbeScheduler, RuntimeProperties properties) {
        return new HealthProbe(containers, sockets, healthProbeScheduler, properties.healthPollInterval(),
                properties.logLines());
    }

    @Bean
    AppStore appStore(JdbcClient jdbc) {
        return new AppStore(jdbc);
    }

    @Bean
    AccountSuspensions accountSuspensions(JdbcClient jdbc) {
        return new AccountSuspensions(jdbc);
    }

    @Bean
    ProjectLocks projectLocks() {
        return new ProjectLocks();
    }

    /**
     * Containers start with the project's environment variables, decrypted, and the variables of its linked
     * databases; a name the owner set too keeps the owner's value.
     */
    @Bean
    AppVariables appVariables(ProjectEnvironment environment, LinkedVariables linked) {
        return projectId -> {
            Map<String, String> variables = new LinkedHashMap<>(linked.variables(projectId));
            variables.putAll(environment.variables(projectId));
            return variables;
        };
    }

    @Bean
    CrashRules crashRules(AppStore store, RuntimeProperties properties, Clock clock) {
        return new CrashRules(store, properties, clock);
    }

    @Bean
    ReplicaLauncher replicaLauncher(AppContainers containers, HealthProbe probe, AppStore store,
            AppVariables variables, RuntimeProperties properties, Accounts accounts, Clock clock) {
        return new ReplicaLauncher(containers, probe, store, variables, properties, accounts, clock);
    }

    @Bean
    Drain drain(AppContainers containers, ContainerSockets sockets, Upstreams upstreams,
            RuntimeProperties properties) {
        return new Drain(containers, sockets, upstreams.refresh(), upstreams.idleTimeout(), properties.drainGrace());
    }

    @Bean
    Rollout rollout(Releases releases, ReleaseClaims claims, AppContainers containers, AppStore store,
            ReplicaLauncher launcher, Drain drain, CaddyRoutes routes, UpstreamDirectory directory,
            ProjectHosts hosts, AppUrls urls, ProjectLocks locks, CrashRules crashes, ApplicationEventPublisher events,
            TransactionTemplate transactions, RuntimeProperties properties, Clock clock, MeterRegistry meters,
            Accounts accounts, AccountSuspensions accountSuspensions) {
        return new Rollout(releases, claims, containers, store, launcher, drain, routes, directory, hosts, urls,
                locks, crashes, events, transactions, properties, clock, meters, accounts, accountSuspensions);
    }

    @Bean
    Supervisor supervisor(AppStore store, Releases releases, AppContainers containers, ReplicaLauncher launcher,
            HealthProbe probe, Drain drain, CaddyRoutes routes, UpstreamDirectory directory, ProjectHosts hosts,
            ProjectLocks locks, CrashRules crashes, ApplicationEventPublisher events, TransactionTemplate transactions,
            RuntimeProperties properties, Clock clock) {
        return new Supervisor(store, releases, containers, launcher, probe, drain, routes, directory, hosts, locks,
                crashes, events, transactions, properties, clock);
    }

    @Bean
    AppLifecycle appLifecycle(AppStore store, Releases releases, Supervisor supervisor, RuntimeProperties properties,
            TransactionTemplate transactions, Clock clock, AccountSuspensions accountSuspensions, PlanRules plans) {
        return new AppLifecycle(store, releases, supervisor, properties, transactions, clock, accountSuspensions,
                plans);
    }

    @Bean
    OrphanSweeper orphanSweeper(AppContainers containers, Releases releases, AppStore store) {
        return new OrphanSweeper(containers, releases, store);
    }

    @Bean
    RolloutWorker rolloutWorker(ReleaseClaims claims, Rollout rollout, Supervisor supervisor,
            RuntimeProperties properties) {
        return new RolloutWorker(claims, rollout, supervisor, properties.concurrency(), properties.lease());
    }
}
