package dev.paas.project.web;

import dev.paas.project.deployments.Deployment;
import dev.paas.project.projects.Project;
import java.time.Instant;
import java.util.UUID;

/**
 * A project as the API shows it; {@code status} is its latest deployment's, or {@code NEW}.
 *
 * @param webhook whether pushes to its GitHub repository reach the platform ({@code NONE} when it has none)
 */
record ProjectView(UUID id, UUID ownerId, String name, String slug, String repoUrl, String branch,
        String githubRepository, boolean autoDeploy, Webhook webhook, String url, String status,
        UUID latestDeploymentId, Instant createdAt) {

    static ProjectView of(Project project, String url, Deployment latest) {
        return new ProjectView(project.id(), project.ownerId(), project.name(), project.slug(), project.repoUrl(),
                project.branch(), project.githubRepository(), project.autoDeploy(),
                new Webhook(project.webhookStatus().name(), project.webhookError()), url,
                latest == null ? "NEW" : latest.status().name(), latest == null ? null : latest.id(),
                project.createdAt());
    }

    /** The push webhook: {@code NONE}, {@code PENDING}, {@code REGISTERED} or {@code FAILED} with the reason. */
    record Webhook(String status, String error) {
    }
}
