package dev.paas.metrics.containers;

import java.time.Instant;

/**
 * One step of a container metrics series.
 *
 * @param at the start of the step
 * @param cpuPercent average CPU in percent of the container's limit (summed over instances in a total)
 * @param memoryBytes average memory in use without page cache
 * @param memoryLimitBytes the memory limit
 * @param networkRxBytes bytes received during the step
 * @param networkTxBytes bytes sent during the step
 * @param blockReadBytes bytes read from block devices during the step
 * @param blockWriteBytes bytes written to block devices during the step
 */
public record MetricPoint(Instant at, double cpuPercent, long memoryBytes, long memoryLimitBytes, long networkRxBytes,
        long networkTxBytes, long blockReadBytes, long blockWriteBytes) {

    MetricPoint plus(MetricPoint other) {
        return new MetricPoint(at, cpuPercent + other.cpuPercent, memoryBytes + other.memoryBytes,
                memoryLimitBytes + other.memoryLimitBytes, networkRxBytes + other.networkRxBytes,
                networkTxBytes + other.networkTxBytes, blockReadBytes + other.blockReadBytes,
                blockWriteBytes + other.blockWriteBytes);
    }
}
