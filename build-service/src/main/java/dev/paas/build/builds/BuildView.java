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
 * @param waitingFor why a QUEUED build is not started, {@code waiting for capacity: memory 91 % of host};
 *        {@code null} otherwise
 */
public record BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
        String imageTag, String error, boolean cancelRequested, Instant startedAt, Instant finishedAt,
        String commitAuthor, String waitingFor) {

    /** A view of a build that waits for nothing. */
    public BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
            String imageTag, String error, boolean cancelRequested, Instant startedAt, Instant finishedAt,
            String commitAuthor) {
        this(id, status, stack, commitSha, commitMessage, imageTag, error, cancelRequested, startedAt, finishedAt,
                commitAuthor, null);
    }

    /** A view without the commit's author, no cancel requested and nothing waited for. */
    public BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
            String imageTag, String error, Instant startedAt, Instant finishedAt) {
        this(id, status, stack, commitSha, commitMessage, imageTag, error, false, startedAt, finishedAt, null, null);
    }

    static BuildView of(Build build) {
        return of(build, null);
    }

    static BuildView of(Build build, String waitingFor) {
        return new BuildView(build.id(), build.status(), build.stack(), build.commitSha(), build.commitMessage(),
                build.imageTag(), build.error(), build.cancelReason() != null, build.startedAt(), build.finishedAt(),
                build.commitAuthor(), waitingFor);
    }
}
