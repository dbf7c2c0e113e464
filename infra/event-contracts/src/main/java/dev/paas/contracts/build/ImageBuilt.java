package dev.paas.contracts.build;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * The deployment's image exists in the local Docker engine and can be run.
 *
 * @param deploymentId the deployment
 * @param projectId the project
 * @param projectSlug the project's slug, the host name the app is served under
 * @param imageTag the image to run, for example {@code paas-app/shop:0192...}
 * @param stack what was detected: {@code node}, {@code static} or {@code dockerfile}
 * @param commitSha the commit that was built
 * @param commitMessage its first line
 * @param port the TCP port the app listens on inside its container
 * @param ownerId the user who owns the project (added in 1.1; {@code null} when the request carried none)
 * @param commitAuthor the commit's author as {@code Name <email>} (added in 1.2; {@code null} in older events)
 */
@EventType(name = "build.image-built", version = 1)
public record ImageBuilt(UUID deploymentId, UUID projectId, String projectSlug, String imageTag, String stack,
        String commitSha, String commitMessage, int port, UUID ownerId, String commitAuthor)
        implements IntegrationEvent {

    /** An image without an owner, as the first version of this contract described it. */
    public ImageBuilt(UUID deploymentId, UUID projectId, String projectSlug, String imageTag, String stack,
            String commitSha, String commitMessage, int port) {
        this(deploymentId, projectId, projectSlug, imageTag, stack, commitSha, commitMessage, port, null);
    }

    /** An image without its commit's author, as version 1.1 of this contract described it. */
    public ImageBuilt(UUID deploymentId, UUID projectId, String projectSlug, String imageTag, String stack,
            String commitSha, String commitMessage, int port, UUID ownerId) {
        this(deploymentId, projectId, projectSlug, imageTag, stack, commitSha, commitMessage, port, ownerId, null);
    }

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
