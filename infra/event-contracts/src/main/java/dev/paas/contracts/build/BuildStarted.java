package dev.paas.contracts.build;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * build-service took a requested deployment off its queue and began cloning the repository.
 *
 * @param deploymentId the deployment being built
 * @param projectId the project
 */
@EventType(name = "build.build-started", version = 1)
public record BuildStarted(UUID deploymentId, UUID projectId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
