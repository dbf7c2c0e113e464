package dev.paas.runtime.rollout;

import java.time.Instant;
import java.util.UUID;

/**
 * What should run of one project and what does: {@code desired} is what its owner (or billing, or a deletion) asked
 * for, {@code state} what runtime-service made of it.
 *
 * @param instances how many replicas serve it while it runs
 * @param memoryMb its memory limit per replica, {@code null} for the platform's default
 * @param cpuMillis its CPU limit per replica in thousandths of a core, {@code null} for the platform's default
 * @param healthPath the path of its HTTP health check
 * @param healthCheck {@code HTTP} or {@code TCP}
 * @param restartRequestedAt when a rolling restart was last asked for; replicas created before it are replaced
 */
record AppRecord(UUID projectId, UUID ownerId, String slug, Desired desired, AppState state, int instances,
        Integer memoryMb, Integer cpuMillis, String healthPath, String healthCheck, Instant restartRequestedAt,
        String stateReason, Instant updatedAt) {

    enum Desired {
        RUNNING, STOPPED, SUSPENDED, DELETED
    }

    boolean tcpCheck() {
        return "TCP".equals(healthCheck);
    }
}
