package dev.paas.runtime.rollout;

import java.time.Instant;
import java.util.UUID;

/** One container of a release, as runtime-service keeps track of it. */
record ReplicaRecord(String containerId, UUID deploymentId, UUID projectId, int instance, int generation,
        String name, String ip, int hostPort, Status status, int probeFailures, Instant nextProbeAt,
        Instant nextStartAt, Instant healthySince, long backoffMillis, Instant createdAt) {

    enum Status {
        /** started, not yet answering: gets no traffic */
        STARTING,
        /** answers and gets traffic */
        SERVING,
        /** gets no new traffic; stopped once its connections close */
        DRAINING,
        /** exited or was taken out after failed health checks; started again at {@code nextStartAt} */
        CRASHED
    }

    String address() {
        return ip + ":" + hostPort;
    }
}
