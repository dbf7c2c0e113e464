package dev.paas.project.deployments;

import dev.paas.project.projects.BuildSettings;
import java.time.Instant;
import java.util.UUID;

/**
 * Facts the {@link Deployment} aggregate registers as it changes state, each once: a repeated or late report that
 * changes nothing registers nothing. They stay inside project-service: the messaging adapter turns those other
 * services must hear of into the published contracts, and the project's history records them all, within the same
 * transaction.
 */
public final class DeploymentEvents {

    private DeploymentEvents() {
    }

    /**
     * A deployment was queued {@code at}, by {@code trigger}: {@code branch} of {@code repoUrl} is to be built for
     * project {@code projectId} ({@code projectSlug}), owned by {@code ownerId} ({@code null} for projects from
     * before accounts existed), at {@code commitSha} ({@code null}: the branch's head), with the project's
     * {@code buildSettings}.
     */
    public record Requested(UUID deploymentId, UUID projectId, String projectSlug, String repoUrl, String branch,
            UUID ownerId, String commitSha, BuildSettings buildSettings, DeploymentTrigger trigger, Instant at) {
    }

    /**
     * The owner asked {@code at} to run the image of {@code sourceDeploymentId} (of {@code commitSha}) again, as the
     * new deployment {@code deploymentId}.
     */
    public record RollbackRequested(UUID deploymentId, UUID projectId, String projectSlug, UUID ownerId,
            UUID sourceDeploymentId, String commitSha, Instant at) {
    }

    /** build-service began building the deployment {@code at}. */
    public record BuildStarted(UUID deploymentId, UUID projectId, Instant at) {
    }

    /** The deployment's image {@code imageTag} was built {@code at} from {@code commitSha}, detected as {@code stack}. */
    public record ImageBuilt(UUID deploymentId, UUID projectId, String imageTag, String stack, String commitSha,
            Instant at) {
    }

    /** The deployment went live {@code at}, served at {@code url}. */
    public record WentLive(UUID deploymentId, UUID projectId, String url, Instant at) {
    }

    /** The deployment failed {@code at}, in its build or its start, for {@code reason}. */
    public record Failed(UUID deploymentId, UUID projectId, String reason, Instant at) {
    }

    /** The deployment's build was cancelled or superseded {@code at}, for {@code reason}. */
    public record Cancelled(UUID deploymentId, UUID projectId, String reason, Instant at) {
    }

    /** The deployment's container was stopped {@code at} because a newer one replaced it ({@code reason}). */
    public record Replaced(UUID deploymentId, UUID projectId, String reason, Instant at) {
    }
}
