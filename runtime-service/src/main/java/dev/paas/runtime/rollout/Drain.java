package dev.paas.runtime.rollout;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerSockets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets replicas that no longer get new traffic finish what they serve, then stops them. A drain ends when
 * Caddy's cached lookup of the old upstream set has expired (the upstream refresh) and the replicas have no
 * connection left open, or when the grace has passed, whichever is first. Caddy closes idle upstream connections
 * after its idle timeout, so a drained replica's count reaches zero soon after its last request.
 */
class Drain {

    private static final Logger log = LoggerFactory.getLogger(Drain.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final AppContainers containers;
    private final ContainerSockets sockets;
    private final Duration refresh;
    private final Duration idleTimeout;
    private final Duration grace;

    Drain(AppContainers containers, ContainerSockets sockets, Duration refresh, Duration idleTimeout,
            Duration grace) {
        this.containers = containers;
        this.sockets = sockets;
        this.refresh = refresh;
        this.idleTimeout = idleTimeout;
        this.grace = grace;
    }

    /**
     * Waits until the replicas, already taken out of the upstream set at {@code withdrawnAt} ({@link System#nanoTime}),
     * are idle, then stops and removes them.
     *
     * @return how long the drain waited
     */
    Duration drainAndRemove(List<ReplicaRecord> replicas, int appPort, long withdrawnAt) {
        long cacheExpired = withdrawnAt + refresh.toNanos() * 2;
        long deadline = withdrawnAt + grace.toNanos();
        List<ReplicaRecord> open = new ArrayList<>(replicas);
        while (!open.isEmpty() && System.nanoTime() - deadline < 0) {
            if (System.nanoTime() - cacheExpired >= 0) {
                open.removeIf(replica -> idle(replica, appPort, withdrawnAt));
            }
            if (!open.isEmpty()) {
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
        if (!open.isEmpty()) {
            log.info("grace of {} s over with connections still open to {}", grace.toSeconds(),
                    open.stream().map(ReplicaRecord::name).toList());
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - withdrawnAt);
        for (ReplicaRecord replica : replicas) {
            containers.stopAndRemove(replica.containerId());
        }
        return waited;
    }

    private boolean idle(ReplicaRecord replica, int appPort, long withdrawnAt) {
        OptionalInt connections = sockets.established(replica.containerId(), appPort);
        if (connections.isPresent()) {
            return connections.getAsInt() == 0;
        }
        // the socket table cannot be read: Caddy has closed its idle connections once its idle timeout passed
        return System.nanoTime() - (withdrawnAt + refresh.toNanos() * 2 + idleTimeout.toNanos()) >= 0;
    }
}
