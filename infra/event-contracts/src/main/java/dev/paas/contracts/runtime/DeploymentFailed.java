package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * An image was built but could not be brought live: the container did not start, never answered HTTP, or
 * the ingress refused the route. Whatever was half-created has been removed.
 *
 * @param deploymentId the deployment
 * @param projectId the project
 * @param reason a human-readable message for the dashboard
 */
@EventType(name = "runtime.deployment-failed", version = 1)
public record DeploymentFailed(UUID deploymentId, UUID projectId, String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
