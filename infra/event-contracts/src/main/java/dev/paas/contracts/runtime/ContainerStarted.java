package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * runtime-service started the deployment's container, with its limits; it is not yet known to answer.
 *
 * @param deploymentId the deployment
 * @param projectId the project
 * @param containerId the Docker container id
 * @param memoryBytes its memory limit
 * @param nanoCpus its CPU limit in billionths of a CPU
 * @param ownerId the user who owns the project (added in 1.1; {@code null} when the image carried none)
 */
@EventType(name = "runtime.container-started", version = 1)
public record ContainerStarted(UUID deploymentId, UUID projectId, String containerId, long memoryBytes,
        long nanoCpus, UUID ownerId) implements IntegrationEvent {

    /** A start without an owner, as the first version of this contract described it. */
    public ContainerStarted(UUID deploymentId, UUID projectId, String containerId, long memoryBytes, long nanoCpus) {
        this(deploymentId, projectId, containerId, memoryBytes, nanoCpus, null);
    }

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
