package dev.paas.project.deployments;

import dev.paas.project.projects.BuildSettings;
import java.util.UUID;

/**
 * Facts the {@link Deployment} aggregate registers as it changes state. They stay inside project-service: the
 * messaging adapter turns them into the published contracts within the same transaction.
 */
public final class DeploymentEvents {

    private DeploymentEvents() {
    }

    /**
     * A deployment was queued: {@code branch} of {@code repoUrl} is to be built for project {@code projectId}
     * ({@code projectSlug}), owned by {@code ownerId} ({@code null} for projects from before accounts existed), at
     * {@code commitSha} ({@code null}: the branch's head), with the project's {@code buildSettings}.
     */
    public record Requested(UUID deploymentId, UUID projectId, String projectSlug, String repoUrl, String branch,
            UUID ownerId, String commitSha, BuildSettings buildSettings) {
    }
}
