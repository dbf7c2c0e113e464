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
 * @param imageTag the image, once built
 * @param error why it failed or was cancelled
 * @param cancelRequested whether it was asked to stop (a RUNNING build stops within a second or two)
 * @param startedAt when a worker last took it
 * @param finishedAt when it ended
 */
public record BuildView(UUID id, BuildStatus status, String stack, String commitSha, String commitMessage,
        String imageTag, String error, boolean cancelRequested, Instant startedAt, Instant finishedAt) {

    static BuildView of(Build build) {
        return new BuildView(build.id(), build.status(), build.stack(), build.commitSha(), build.commitMessage(),
                build.imageTag(), build.error(), build.cancelReason() != null, build.startedAt(), build.finishedAt());
    }
}
