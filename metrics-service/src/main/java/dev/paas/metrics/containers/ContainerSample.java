package dev.paas.metrics.containers;

import java.time.Instant;
import java.util.UUID;

/**
 * What one sampling pass saw of one container the platform owns, from the Docker stats API.
 *
 * @param containerId the Docker container id
 * @param kind an app replica or a database
 * @param projectId the app's project ({@code null} for a database)
 * @param deploymentId the app's deployment ({@code null} for a database)
 * @param instance the app replica's index from 0 ({@code 0} for a database)
 * @param databaseId the database ({@code null} for an app)
 * @param ownerId the user who owns it, {@code null} when its labels name none
 * @param status Docker's state: {@code running}, {@code restarting}, {@code exited}...
 * @param startedAt when the container last started
 * @param sampledAt when it was sampled
 * @param cpuPercentOfLimit CPU in use, in percent of the container's own CPU limit (of the host without one)
 * @param cpuPercentOfHost CPU in use, in percent of all the host's cores
 * @param memoryBytes memory in use, without reclaimable page cache
 * @param memoryLimitBytes the memory limit (the host's memory without one)
 * @param networkRxBytes bytes received since the container started
 * @param networkTxBytes bytes sent since the container started
 * @param blockReadBytes bytes read from block devices since the container started
 * @param blockWriteBytes bytes written to block devices since the container started
 * @param restartCount how often Docker restarted it
 */
public record ContainerSample(String containerId, ContainerKind kind, UUID projectId, UUID deploymentId, int instance,
        UUID databaseId, UUID ownerId, String status, Instant startedAt, Instant sampledAt, double cpuPercentOfLimit,
        double cpuPercentOfHost, long memoryBytes, long memoryLimitBytes, long networkRxBytes, long networkTxBytes,
        long blockReadBytes, long blockWriteBytes, int restartCount) {

    /** Memory in use in percent of the limit. */
    public double memoryPercent() {
        return memoryLimitBytes <= 0 ? 0 : 100.0 * memoryBytes / memoryLimitBytes;
    }
}
