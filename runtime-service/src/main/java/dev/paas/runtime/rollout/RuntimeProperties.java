package dev.paas.runtime.rollout;

import dev.paas.runtime.container.ContainerLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How app containers run and how rollouts, health checks and restarts proceed.
 *
 * @param memory default memory limit per app container, Docker notation ({@code 512m}, {@code 1g})
 * @param cpus default CPU limit per app container ({@code 0.5} = half a core)
 * @param pidsLimit most processes/threads per app container
 * @param healthTimeout how long a new container gets to pass its first health check
 * @param healthPollInterval how often it is checked meanwhile
 * @param pollInterval how often the worker looks for work it was not woken for (replicas, restarts)
 * @param lease how long a claimed release or app stays reserved for this instance without renewal
 * @param concurrency how many rollouts run at once in this instance
 * @param maxAttempts how often a start interrupted by a restart of this service is tried before it fails
 * @param logLines how many of a crashed container's last log lines go into the failure reason
 * @param probeInterval how often a serving replica is health-checked
 * @param probeFailures after how many consecutive failed checks it is restarted
 * @param backoffInitial the first restart's delay; each further one doubles it
 * @param backoffMax the longest restart delay
 * @param backoffReset after how long serving without a restart the delay starts over
 * @param crashLoopRestarts this many restarts of a project ...
 * @param crashLoopWindow ... within this long make a crash loop
 * @param drainGrace the longest a replaced replica drains before it is stopped
 * @param superviseInterval how often the supervisor looks at every app
 * @param bounds what owners may choose for their projects
 */
@ConfigurationProperties("paas.runtime")
record RuntimeProperties(@DefaultValue("512m") String memory, @DefaultValue("0.5") double cpus,
        @DefaultValue("256") long pidsLimit, @DefaultValue("60s") Duration healthTimeout,
        @DefaultValue("100ms") Duration healthPollInterval, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("15s") Duration lease, @DefaultValue("2") int concurrency,
        @DefaultValue("2") int maxAttempts, @DefaultValue("20") int logLines,
        @DefaultValue("30s") Duration probeInterval, @DefaultValue("3") int probeFailures,
        @DefaultValue("1s") Duration backoffInitial, @DefaultValue("60s") Duration backoffMax,
        @DefaultValue("10m") Duration backoffReset, @DefaultValue("5") int crashLoopRestarts,
        @DefaultValue("5m") Duration crashLoopWindow, @DefaultValue("30s") Duration drainGrace,
        @DefaultValue("1s") Duration superviseInterval, @DefaultValue Bounds bounds) {

    ContainerLimits limits() {
        return ContainerLimits.of(ContainerLimits.parseMemory(memory), cpus, pidsLimit);
    }

    /**
     * Limits an administrator sets for what owners choose.
     *
     * @param maxInstances most replicas per project
     * @param minMemoryMb least memory per replica
     * @param maxMemoryMb most memory per replica
     * @param minCpuMillis least CPU per replica, in thousandths of a core
     * @param maxCpuMillis most CPU per replica
     */
    record Bounds(@DefaultValue("10") int maxInstances, @DefaultValue("64") int minMemoryMb,
            @DefaultValue("4096") int maxMemoryMb, @DefaultValue("100") int minCpuMillis,
            @DefaultValue("4000") int maxCpuMillis) {
    }
}
