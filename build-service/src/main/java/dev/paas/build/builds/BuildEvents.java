package dev.paas.build.builds;

import java.util.UUID;

/**
 * Facts the {@link Build} aggregate registers as it changes state. They stay inside build-service: the messaging
 * adapter turns the last four into the published contracts within the same transaction.
 */
public final class BuildEvents {

    private BuildEvents() {
    }

    /** A build was put on the queue (new, or handed back to be resumed). */
    public record Queued(UUID buildId) {
    }

    /** A worker took the build off the queue. */
    public record Started(UUID deploymentId, UUID projectId, UUID ownerId) {
    }

    /** The image was built and tagged; {@code commitAuthor} is {@code Name <email>}. */
    public record Succeeded(UUID deploymentId, UUID projectId, String projectSlug, String imageTag, String stack,
            String commitSha, String commitMessage, int port, UUID ownerId, String commitAuthor) {
    }

    /** The build ended without an image; the commit fields are {@code null} when it failed before the clone. */
    public record Failed(UUID deploymentId, UUID projectId, String reason, String stack, String commitSha,
            String commitMessage, UUID ownerId, String commitAuthor) {
    }

    /** The build was stopped on purpose (cancelled, or superseded while queued) and ended without an image. */
    public record Cancelled(UUID deploymentId, UUID projectId, String reason, UUID ownerId) {
    }
}
