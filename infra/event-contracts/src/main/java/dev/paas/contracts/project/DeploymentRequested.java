package dev.paas.contracts.project;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * Somebody asked for a project to be built and deployed: emitted by project-service when a deployment is
 * queued. build-service starts the build from it.
 *
 * @param deploymentId the deployment this build belongs to
 * @param projectId the project
 * @param projectSlug the project's slug, used to name images and containers
 * @param repoUrl where to clone from
 * @param branch which branch to clone
 * @param ownerId the user who owns the project (added in 1.1; {@code null} in events from before accounts existed)
 */
@EventType(name = "project.deployment-requested", version = 1)
public record DeploymentRequested(UUID deploymentId, UUID projectId, String projectSlug, String repoUrl,
        String branch, UUID ownerId) implements IntegrationEvent {

    /** A request without an owner, as the first version of this contract described it. */
    public DeploymentRequested(UUID deploymentId, UUID projectId, String projectSlug, String repoUrl,
            String branch) {
        this(deploymentId, projectId, projectSlug, repoUrl, branch, null);
    }

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
