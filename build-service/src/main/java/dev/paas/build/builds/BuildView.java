package dev.paas.build.builds;

import java.time.Instant;
import java.util.UUID;

/**
 * A build as the REST API shows it.
 *
 * @param id the build id, which is the deployment id
 * @param status QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param stack the detected stack, once known
 * @param commitSha the commit being built, once cloned
 * @param commitMessage the first line of its message
 * @param commitAuthor its author as {@code Name <email>}
 * @param imageTag the image, once built
 * @param error why it failed
 * @param startedAt when a worker last took it
 * @param finishedAt when it ended
 */
public record BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
        String imageTag, String error, Instant startedAt, Instant finishedAt, String commitAuthor) {

    /** A view without the commit's author. */
    public BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
            String imageTag, String error, Instant startedAt, Instant finishedAt) {
        this(id, status, stack, commitSha, commitMessage, imageTag, error, startedAt, finishedAt, null);
    }

    static BuildView of(Build build) {
        return new BuildView(build.id(), build.status(), build.stack(), build.commitSha(), build.commitMessage(),
                build.imageTag(), build.error(), build.startedAt(), build.finishedAt(), build.commitAuthor());
    }
}
