package dev.paas.runtime.rollout;

import dev.paas.runtime.container.ContainerLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How app containers run and how rollouts proceed.
 *
 * @param memory memory limit per app container, Docker notation ({@code 512m}, {@code 1g})
 * @param cpus CPU limit per app container ({@code 0.5} = half a core)
 * @param pidsLimit most processes/threads per app container
 * @param healthTimeout how long a new container gets to answer HTTP
 * @param healthPollInterval how often it is asked meanwhile
 * @param pollInterval how often the worker looks for work it was not woken for (replicas, restarts)
 * @param lease how long a claimed release stays reserved for this instance without renewal
 * @param concurrency how many rollouts run at once in this instance
 * @param maxAttempts how often a start interrupted by a restart of this service is tried before it fails
 * @param logLines how many of a crashed container's last log lines go into the failure reason
 */
@ConfigurationProperties("paas.runtime")
record RuntimeProperties(@DefaultValue("512m") String memory, @DefaultValue("0.5") double cpus,
        @DefaultValue("256") long pidsLimit, @DefaultValue("60s") Duration healthTimeout,
        @DefaultValue("100ms") Duration healthPollInterval, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("15s") Duration lease, @DefaultValue("2") int concurrency,
        @DefaultValue("2") int maxAttempts, @DefaultValue("20") int logLines) {

    ContainerLimits limits() {
        return ContainerLimits.of(ContainerLimits.parseMemory(memory), cpus, pidsLimit);
    }
}
