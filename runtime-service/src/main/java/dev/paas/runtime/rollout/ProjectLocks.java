package dev.paas.runtime.rollout;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per project inside this instance: a rollout, the supervisor and a lifecycle request never change a
 * project's replicas at the same time. Across instances the app's lease ({@code apps.lease_owner}) does the same.
 */
class ProjectLocks {

    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(UUID projectId) {
        return locks.computeIfAbsent(projectId, id -> new ReentrantLock());
    }
}
