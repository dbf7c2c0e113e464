package dev.paas.build.builds;

/** Where a build is in its life: QUEUED, then RUNNING, then SUCCEEDED or FAILED; CANCELLED from either of the first two. */
public enum BuildStatus {
    /** Recorded from a requested deployment, waiting for a worker. */
    QUEUED,
    /** A worker is cloning or building it. */
    RUNNING,
    /** The image exists; {@code ImageBuilt} was published. */
    SUCCEEDED,
    /** It ended without an image; {@code BuildFailed} was published. */
    FAILED,
    /** It was stopped on request or superseded by a newer deployment; {@code BuildCancelled} was published. */
    CANCELLED
}
