package dev.paas.metrics.capacity;

import java.time.Instant;

/**
 * The host's CPU, memory and disk as one sampling pass measured them.
 *
 * @param host the host's name
 * @param at when it was measured
 * @param cpuCores the host's cores
 * @param cpuPercent CPU in use since the previous sample, in percent of all cores
 * @param memoryTotalBytes the host's memory
 * @param memoryUsedBytes memory in use, not counting what the kernel can reclaim (MemTotal - MemAvailable)
 * @param diskTotalBytes the size of the disk holding the platform's data (Docker's root)
 * @param diskUsedBytes what is used of it
 */
public record HostSample(String host, Instant at, int cpuCores, double cpuPercent, long memoryTotalBytes,
        long memoryUsedBytes, long diskTotalBytes, long diskUsedBytes) {

    /** Memory in use in percent of the host's. */
    public double memoryPercent() {
        return memoryTotalBytes <= 0 ? 0 : 100.0 * memoryUsedBytes / memoryTotalBytes;
    }

    /** Disk in use in percent. */
    public double diskPercent() {
        return diskTotalBytes <= 0 ? 0 : 100.0 * diskUsedBytes / diskTotalBytes;
    }
}
