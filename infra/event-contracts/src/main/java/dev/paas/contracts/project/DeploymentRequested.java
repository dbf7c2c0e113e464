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
 * @param commitSha the exact commit to build, 7 to 40 lower-case hex digits (a push's commit, or one its owner
 *        named); {@code null} builds the head of {@code branch} (added in 1.2; {@code null} in older events)
 * @param buildSettings the project's build settings as they were when the deployment was queued (added in 1.2;
 *        {@code null} in older events, which means none are set)
 */
@EventType(name = "project.deployment-requested", version = 1)
public record DeploymentRequested(UUID deploymentId, UUID projectId, String projectSlug, String repoUrl,
        String branch, UUID ownerId, String commitSha, BuildSettings buildSettings) implements IntegrationEvent {

    /** A request without an owner, as the first version of this contract described it. */
    public DeploymentRequested(UUID deploymentId, UUID projectId, String projectSlug, String repoUrl,
            String branch) {
        this(deploymentId, projectId, projectSlug, repoUrl, branch, null);
    }

    /** A request of the branch head without build settings, as version 1.1 of this contract described it. */
    public DeploymentRequested(UUID deploymentId, UUID projectId, String projectSlug, String repoUrl,
            String branch, UUID ownerId) {
        this(deploymentId, projectId, projectSlug, repoUrl, branch, ownerId, null, null);
    }

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }

    /**
     * What the project's owner set to replace detection; every field is {@code null} when not set. Paths are
     * relative to the repository root and were checked by project-service not to leave it; build-service checks
     * them again against the checked-out tree.
     *
     * @param rootDirectory the directory the app lives in (monorepos)
     * @param installCommand replaces the detected dependency installation
     * @param buildCommand replaces the detected build step
     * @param startCommand replaces the detected start command
     * @param port the port the app listens on
     * @param dockerfilePath the Dockerfile to build instead of detecting a stack
     */
    public record BuildSettings(String rootDirectory, String installCommand, String buildCommand,
            String startCommand, Integer port, String dockerfilePath) {

        /** No settings: detection decides everything. */
        public static final BuildSettings NONE = new BuildSettings(null, null, null, null, null, null);
    }
}
