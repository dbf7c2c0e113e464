package dev.paas.metrics.containers;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.BlkioStatsConfig;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import java.util.List;
import java.util.Map;

/**
 * What a Docker stats snapshot says in the units the platform reports, computed the way {@code docker stats} does:
 * CPU from the difference between the snapshot's {@code cpu_stats} and {@code precpu_stats}, memory without the
 * reclaimable page cache, network and block I/O summed over interfaces and devices.
 */
final class UsageArithmetic {

    private UsageArithmetic() {
    }

    /** A container's own CPU and memory limits from its {@code HostConfig} (0 where it has none). */
    record Limits(long nanoCpus, long cpuQuota, long cpuPeriod, long memoryBytes) {

        static final Limits NONE = new Limits(0, 0, 0, 0);
    }

    /** The usage of one container in one snapshot. */
    record Usage(double cpuPercentOfLimit, double cpuPercentOfHost, long memoryBytes, long memoryLimitBytes,
            long networkRxBytes, long networkTxBytes, long blockReadBytes, long blockWriteBytes) {
    }

    static Usage of(Statistics stats, Limits limits) {
        CpuStatsConfig cpu = stats.getCpuStats();
        CpuStatsConfig before = stats.getPreCpuStats();
        double fraction = cpuFractionOfHost(totalUsage(cpu), totalUsage(before), systemUsage(cpu),
                systemUsage(before));
        int hostCores = onlineCpus(cpu);
        double limitCores = limitCores(limits, hostCores);
        MemoryStatsConfig memory = stats.getMemoryStats();
        long usage = memory == null ? 0 : orZero(memory.getUsage());
        Long inactiveFile = memory == null || memory.getStats() == null ? null : memory.getStats().getInactiveFile();
        Long totalInactiveFile = memory == null || memory.getStats() == null ? null
                : memory.getStats().getTotalInactiveFile();
        long limit = limits.memoryBytes() > 0 ? limits.memoryBytes() : memory == null ? 0 : orZero(memory.getLimit());
        Map<String, StatisticNetworksConfig> networks = stats.getNetworks();
        long rx = 0;
        long tx = 0;
        if (networks != null) {
            for (StatisticNetworksConfig network : networks.values()) {
                rx += orZero(network.getRxBytes());
                tx += orZero(network.getTxBytes());
            }
        }
        BlkioStatsConfig blkio = stats.getBlkioStats();
        List<BlkioStatEntry> io = blkio == null ? null : blkio.getIoServiceBytesRecursive();
        return new Usage(100 * fraction * hostCores / limitCores, 100 * fraction,
                memoryWithoutCache(usage, inactiveFile, totalInactiveFile), limit, rx, tx, blockBytes(io, "read"),
                blockBytes(io, "write"));
    }

    /**
     * The share of all the host's cores the container used between two snapshots: its CPU time over the host's
     * (the system usage counts every core). 0 when a counter went backwards or did not move.
     */
    static double cpuFractionOfHost(long containerNow, long containerBefore, long systemNow, long systemBefore) {
        long container = containerNow - containerBefore;
        long system = systemNow - systemBefore;
        if (container <= 0 || system <= 0 || containerBefore == 0 && systemBefore == 0) {
            return 0;
        }
        return Math.min(1.0, (double) container / system);
    }

    /**
     * The cores the container may use: {@code --cpus} (NanoCpus), else a CFS quota over its period, else every
     * core of the host.
     */
    static double limitCores(Limits limits, int hostCores) {
        if (limits.nanoCpus() > 0) {
            return limits.nanoCpus() / 1e9;
        }
        if (limits.cpuQuota() > 0) {
            long period = limits.cpuPeriod() > 0 ? limits.cpuPeriod() : 100_000;
            return (double) limits.cpuQuota() / period;
        }
        return hostCores;
    }

    /**
     * Memory in use without the page cache the kernel can reclaim, as {@code docker stats} shows it: cgroup v2
     * reports {@code inactive_file}, cgroup v1 {@code total_inactive_file}.
     */
    static long memoryWithoutCache(long usage, Long inactiveFile, Long totalInactiveFile) {
        Long cache = inactiveFile != null ? inactiveFile : totalInactiveFile;
        if (cache == null || cache > usage) {
            return usage;
        }
        return usage - cache;
    }

    private static long blockBytes(List<BlkioStatEntry> entries, String op) {
        if (entries == null) {
            return 0;
        }
        long total = 0;
        for (BlkioStatEntry entry : entries) {
            if (op.equalsIgnoreCase(entry.getOp())) {
                total += orZero(entry.getValue());
            }
        }
        return total;
    }

    private static int onlineCpus(CpuStatsConfig cpu) {
        if (cpu != null && cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0) {
            return cpu.getOnlineCpus().intValue();
        }
        if (cpu != null && cpu.getCpuUsage() != null && cpu.getCpuUsage().getPercpuUsage() != null
                && !cpu.getCpuUsage().getPercpuUsage().isEmpty()) {
            return cpu.getCpuUsage().getPercpuUsage().size();
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static long totalUsage(CpuStatsConfig cpu) {
        return cpu == null || cpu.getCpuUsage() == null ? 0 : orZero(cpu.getCpuUsage().getTotalUsage());
    }

    private static long systemUsage(CpuStatsConfig cpu) {
        return cpu == null ? 0 : orZero(cpu.getSystemCpuUsage());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
