package dev.paas.project.web;

import dev.paas.project.deployments.Deployment;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A deployment as the API shows it.
 *
 * @param trigger {@code manual} (its owner asked) or {@code push} (a push to the project's branch)
 * @param commitSha the commit built; for a push, the pushed commit until the build reports the one it cloned
 */
record DeploymentView(UUID id, UUID projectId, String status, String trigger, String error, String stack,
        String commitSha, String commitMessage, String imageTag, String url, Instant createdAt,
        Instant buildStartedAt, Instant deployingAt, Instant finishedAt, String buildLogUrl) {

    static DeploymentView of(Deployment deployment) {
        return new DeploymentView(deployment.id(), deployment.projectId(), deployment.status().name(),
                deployment.trigger().name().toLowerCase(Locale.ROOT), deployment.error(), deployment.stack(),
                deployment.commitSha(), deployment.commitMessage(), deployment.imageTag(), deployment.url(),
                deployment.createdAt(), deployment.buildStartedAt(), deployment.deployingAt(),
                deployment.finishedAt(), "/api/v1/deployments/" + deployment.id() + "/build-log");
    }
}
