package dev.paas.build.builds;

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
 * @param ownerId the project's owner as the deployment request named it; {@code null} when it named none
 */
record ClaimedBuild(UUID id, UUID projectId, String projectSlug, String repoUrl, String branch, int attempt,
        UUID ownerId) {

    /** A build without a known owner. */
    ClaimedBuild(UUID id, UUID projectId, String projectSlug, String repoUrl, String branch, int attempt) {
        this(id, projectId, projectSlug, repoUrl, branch, attempt, null);
    }

    static ClaimedBuild of(Build build) {
        return new ClaimedBuild(build.id(), build.projectId(), build.projectSlug(), build.repoUrl(), build.branch(),
                build.attempts(), build.ownerId());
    }
}
