package dev.paas.metrics.capacity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The host's capacity as administrators see it.
 *
 * @param cpuPercent CPU in use at the latest sample
 * @param cpuAveragePercent CPU averaged over the admission window, what admission weighs
 * @param admitting whether new deployments start (the stored state every replica acts on)
 * @param reason why they wait, {@code memory 91 % of host}; {@code null} while admitting
 * @param runningContainers platform containers running at the latest container pass; {@code null} when container
 *        sampling is not available
 * @param queuedDeployments deployments requested whose build has not started, oldest first
 */
public record CapacityView(String host, Instant sampledAt, int cpuCores, double cpuPercent, double cpuAveragePercent,
        long memoryTotalBytes, long memoryUsedBytes, double memoryPercent, long diskTotalBytes, long diskUsedBytes,
        double diskPercent, double thresholdPercent, boolean admitting, String reason, Integer runningContainers,
        List<QueuedDeployment> queuedDeployments) {

    /**
     * A deployment waiting to be built.
     *
     * @param waitingFor {@code waiting for capacity: memory 91 % of host}, or {@code waiting for a build worker}
     */
    public record QueuedDeployment(UUID deploymentId, UUID projectId, Instant requestedAt, String waitingFor) {
    }
}
