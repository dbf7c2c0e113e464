package dev.paas.project.deployments;

import java.util.Objects;
import java.util.UUID;

/**
 * What a deployment builds: the project's repository and branch as they are when the deployment is requested (a
 * later change of the project's branch does not change a queued deployment).
 *
 * @param ownerId the project's owner, {@code null} for projects from before accounts existed
 */
record DeploymentTarget(UUID projectId, UUID ownerId, String projectSlug, String repoUrl, String branch) {

    DeploymentTarget {
        Objects.requireNonNull(projectId, "projectId");
    }
}
