package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A deployment's container was stopped and removed, for example because a newer deployment of the same
 * project replaced it.
 *
 * @param deploymentId the deployment whose container stopped
 * @param projectId the project
 * @param containerId the Docker container id
 * @param reason why, for example {@code replaced by deployment 0192...}
 */
@EventType(name = "runtime.container-stopped", version = 1)
public record ContainerStopped(UUID deploymentId, UUID projectId, String containerId, String reason)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
