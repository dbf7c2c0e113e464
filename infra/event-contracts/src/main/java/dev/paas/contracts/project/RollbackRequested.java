package dev.paas.contracts.project;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * The owner asked to run an earlier deployment's image again: project-service recorded a new deployment for it.
 * runtime-service rolls the image of {@code sourceDeploymentId} out as {@code deploymentId}, with the same
 * zero-downtime switch as a new build; nothing is built.
 *
 * @param deploymentId the new deployment
 * @param projectId the project
 * @param projectSlug the project's slug
 * @param ownerId the user who owns the project
 * @param sourceDeploymentId the earlier, successful deployment whose image runs again
 */
@EventType(name = "project.rollback-requested", version = 1)
public record RollbackRequested(UUID deploymentId, UUID projectId, String projectSlug, UUID ownerId,
        UUID sourceDeploymentId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
