package dev.paas.contracts.build;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * The build ended without an image: clone failure, unknown branch, nothing detectable, failing build.
 *
 * @param deploymentId the deployment
 * @param projectId the project
 * @param reason a human-readable message for the dashboard
 * @param stack what was detected before it failed, or {@code null}
 * @param commitSha the commit, or {@code null} when the clone itself failed
 * @param commitMessage its first line, or {@code null}
 * @param ownerId the user who owns the project (added in 1.1; {@code null} when the request carried none)
 * @param commitAuthor the commit's author as {@code Name <email>}, or {@code null} (added in 1.2)
 */
@EventType(name = "build.build-failed", version = 1)
public record BuildFailed(UUID deploymentId, UUID projectId, String reason, String stack, String commitSha,
        String commitMessage, UUID ownerId, String commitAuthor) implements IntegrationEvent {

    /** A failure without an owner, as the first version of this contract described it. */
    public BuildFailed(UUID deploymentId, UUID projectId, String reason, String stack, String commitSha,
            String commitMessage) {
        this(deploymentId, projectId, reason, stack, commitSha, commitMessage, null);
    }

    /** A failure without its commit's author, as version 1.1 of this contract described it. */
    public BuildFailed(UUID deploymentId, UUID projectId, String reason, String stack, String commitSha,
            String commitMessage, UUID ownerId) {
        this(deploymentId, projectId, reason, stack, commitSha, commitMessage, ownerId, null);
    }

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
