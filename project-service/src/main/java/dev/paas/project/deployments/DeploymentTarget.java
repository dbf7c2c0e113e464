package dev.paas.project.deployments;

import dev.paas.project.projects.BuildSettings;
import java.util.Objects;
import java.util.UUID;

/**
 * What a deployment builds: the project's repository, branch and build settings as they are when the deployment is
 * requested (a later change of the project's settings does not change a queued deployment).
 *
 * @param ownerId the project's owner, {@code null} for projects from before accounts existed
 */
record DeploymentTarget(UUID projectId, UUID ownerId, String projectSlug, String repoUrl, String branch,
        BuildSettings buildSettings) {

    DeploymentTarget {
        Objects.requireNonNull(projectId, "projectId");
        buildSettings = buildSettings == null ? BuildSettings.NONE : buildSettings;
    }
}
