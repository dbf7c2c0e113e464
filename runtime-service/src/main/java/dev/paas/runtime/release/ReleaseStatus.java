package dev.paas.runtime.release;

/**
 * Where a release stands. The happy path is {@code PENDING -> STARTING -> RUNNING -> RETIRING -> REPLACED};
 * {@code PENDING} and {@code STARTING} may end in {@code FAILED}.
 */
public enum ReleaseStatus {
    /** The image is built; no container exists yet. */
    PENDING,
    /** The container was started and is being checked for HTTP answers. */
    STARTING,
    /** The container answers and the project's route points at it. */
    RUNNING,
    /** A newer release took over the route; this container is being stopped. */
    RETIRING,
    /** The container was stopped and removed after a newer release took over. */
    REPLACED,
    /** The release never went live; whatever was half-created was removed. */
    FAILED;

    /** Whether a container of this release may exist and has to be looked after. */
    public boolean hasContainer() {
        return this == STARTING || this == RUNNING || this == RETIRING;
    }
}
