package dev.paas.runtime.rollout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A project's runtime for its owner.
 *
 * @param state what runs: DEPLOYING, RUNNING, STOPPED, SUSPENDED or CRASH_LOOP
 * @param desired what was asked for: RUNNING, STOPPED or SUSPENDED
 * @param instances how many replicas serve it while it runs
 * @param memoryMb its memory limit per replica, {@code null} for the platform default
 * @param cpuMillis its CPU limit per replica in thousandths of a core, {@code null} for the platform default
 * @param reason why it is in its state (a crash loop's last exit, for example), when known
 * @param deploymentId the deployment whose image runs
 * @param replicas its containers
 */
public record AppView(UUID projectId, String state, String desired, int instances, Integer memoryMb,
        Integer cpuMillis, String healthPath, String healthCheck, String reason, UUID deploymentId,
        List<Replica> replicas) {

    /** One container. */
    public record Replica(int instance, String containerId, String name, String status, String address,
            UUID deploymentId, Instant healthySince) {
    }
}
