package dev.paas.build.builds;

import java.time.Instant;
import java.util.UUID;

/**
 * A build as the REST API shows it.
 *
 * @param id the build id, which is the deployment id
 * @param status QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param stack the detected stack, once known
 * @param commitSha the commit being built, once cloned
 * @param commitMessage the first line of its message
 * @param commitAuthor its author as {@code Name <email>}
 * @param imageTag the image, once built
 * @param error why it failed or was cancelled
 * @param cancelRequested whether it was asked to stop (a RUNNING build stops within a second or two)
 * @param startedAt when a worker last took it
 * @param finishedAt when it ended
 */
public record BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
        String imageTag, String error, boolean cancelRequested, Instant startedAt, Instant finishedAt,
        String commitAuthor) {

    /** A view without the commit's author and no cancel requested. */
    public BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
            String imageTag, String error, Instant startedAt, Instant finishedAt) {
        this(id, status, stack, commitSha, commitMessage, imageTag, error, false, startedAt, finishedAt, null);
    }

    static BuildView of(Build build) {
        return new BuildView(build.id(), build.status(), build.stack(), build.commitSha(), build.commitMessage(),
                build.imageTag(), build.error(), build.cancelReason() != null, build.startedAt(), build.finishedAt(),
                build.commitAuthor());
    }
}
