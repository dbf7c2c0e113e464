package dev.paas.build.builds;

import dev.paas.build.stack.BuildOverrides;
import java.util.UUID;

/**
 * What a worker needs to run a build it claimed, detached from the transaction that claimed it.
 *
 * @param id the build (= deployment) id
 * @param projectId the project
 * @param projectSlug names the image
 * @param repoUrl where to clone from
 * @param branch what to clone
 * @param attempt which attempt this is; completing it checks the build is still in this attempt
 * @param commitSha the exact commit to build, or {@code null} for the branch's head
 * @param overrides the project's replacements for detection
 * @param ownerId the project's owner, whose GitHub token clones a private github.com repository; may be {@code null}
 */
record ClaimedBuild(UUID id, UUID projectId, String projectSlug, String repoUrl, String branch, int attempt,
        String commitSha, BuildOverrides overrides, UUID ownerId) {

    ClaimedBuild {
        overrides = overrides == null ? BuildOverrides.NONE : overrides;
    }

    /** A build of the branch's head, with nothing overridden. */
    ClaimedBuild(UUID id, UUID projectId, String projectSlug, String repoUrl, String branch, int attempt) {
        this(id, projectId, projectSlug, repoUrl, branch, attempt, null, BuildOverrides.NONE, null);
    }

    static ClaimedBuild of(Build build) {
        return new ClaimedBuild(build.id(), build.projectId(), build.projectSlug(), build.repoUrl(), build.branch(),
                build.attempts(), build.requestedCommitSha(), build.overrides(), build.ownerId());
    }
}
