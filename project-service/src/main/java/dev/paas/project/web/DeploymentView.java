package dev.paas.project.web;

import dev.paas.project.deployments.Deployment;
import dev.paas.project.deployments.DeploymentStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A deployment as the API shows it.
 *
 * @param trigger {@code manual} (its owner asked), {@code push} (a push to the project's branch) or
 *        {@code rollback} (its owner asked to run {@code rollbackOf}'s image again)
 * @param commitSha the commit built: the pushed or requested one from the start, else once the build cloned it
 * @param commitAuthor its author as {@code Name <email>}, once the build cloned it
 * @param rollbackOf the deployment whose image a rollback runs again; {@code null} for any other deployment
 * @param waitingFor why a QUEUED deployment has not started, {@code waiting for capacity: memory 91 % of host};
 *        {@code null} otherwise
 */
record DeploymentView(UUID id, UUID projectId, String status, String trigger, String error, String stack,
        String commitSha, String commitMessage, String commitAuthor, String imageTag, String url, Instant createdAt,
        Instant buildStartedAt, Instant deployingAt, Instant finishedAt, String buildLogUrl, UUID rollbackOf,
        String waitingFor) {

    /** {@code hostWaitingFor}: what a deployment that has not started waits for, if anything. */
    static DeploymentView of(Deployment deployment, Optional<String> hostWaitingFor) {
        return new DeploymentView(deployment.id(), deployment.projectId(), deployment.status().name(),
                deployment.trigger().name().toLowerCase(Locale.ROOT), deployment.error(), deployment.stack(),
                deployment.commitSha(), deployment.commitMessage(), deployment.commitAuthor(), deployment.imageTag(), deployment.url(),
                deployment.createdAt(), deployment.buildStartedAt(), deployment.deployingAt(),
                deployment.finishedAt(), "/api/v1/deployments/" + deployment.id() + "/build-log",
                deployment.rollbackOf(),
                deployment.status() == DeploymentStatus.QUEUED ? hostWaitingFor.orElse(null) : null);
    }
}
