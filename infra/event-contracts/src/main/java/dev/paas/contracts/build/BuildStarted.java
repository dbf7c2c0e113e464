package dev.paas.contracts.build;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * build-service took a requested deployment off its queue and began cloning the repository.
 *
 * @param deploymentId the deployment being built
 * @param projectId the project
 * @param ownerId the user who owns the project (added in 1.1; {@code null} when the request carried none)
 */
@EventType(name = "build.build-started", version = 1)
public record BuildStarted(UUID deploymentId, UUID projectId, UUID ownerId) implements IntegrationEvent {

    /** A start without an owner, as the first version of this contract described it. */
    public BuildStarted(UUID deploymentId, UUID projectId) {
        this(deploymentId, projectId, null);
    }

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
