package dev.paas.build.limits;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one build may use under {@code paas.build.limits}, so a build cannot starve the apps running beside it.
 *
 * @param memory memory of each build step's container, swap included (the build API's {@code memory} and
 *     {@code memswap})
 * @param cpus CPUs of each build step's container ({@code cpuquota} over a {@code cpuperiod} of 100 ms)
 * @param pids processes and threads one build may run at once; beyond it the build is stopped (a fork bomb)
 * @param cgroupRoot where the cgroup file system is mounted; the process limit needs it writable
 * @param cgroupParent the cgroup under which each build gets its own, holding its process limit
 * @param cancelCheck how often a worker looks for cancel requests of the builds it runs
 */
@ConfigurationProperties("paas.build.limits")
public record LimitsProperties(
        @DefaultValue("2GB") DataSize memory,
        @DefaultValue("1") double cpus,
        @DefaultValue("1024") int pids,
        @DefaultValue("/sys/fs/cgroup") Path cgroupRoot,
        @DefaultValue("paas-build") String cgroupParent,
        @DefaultValue("1s") Duration cancelCheck) {

    /** The CFS period the CPU limit is expressed in, in microseconds (Docker's default). */
    public static final long CPU_PERIOD = 100_000;

    public LimitsProperties {
        if (memory.toMegabytes() < 6) {
            throw new IllegalArgumentException("paas.build.limits.memory must be at least 6MB, was " + memory);
        }
        if (cpus <= 0) {
            throw new IllegalArgumentException("paas.build.limits.cpus must be positive, was " + cpus);
        }
        if (pids < 16) {
            throw new IllegalArgumentException("paas.build.limits.pids must be at least 16, was " + pids);
        }
        if (!cgroupParent.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("paas.build.limits.cgroup-parent must be one plain name (letters,"
                    + " digits, '.', '_', '-'), was '" + cgroupParent + "'");
        }
    }

    /** The CPU quota per {@link #CPU_PERIOD}. */
    public long cpuQuota() {
        return Math.round(cpus * CPU_PERIOD);
    }
}
