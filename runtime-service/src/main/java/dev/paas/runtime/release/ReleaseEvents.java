package dev.paas.runtime.release;

import java.util.UUID;

/**
 * Facts the {@link Release} aggregate registers as it changes state. They stay inside runtime-service: the rollout
 * worker wakes up on {@link Recorded}, and the messaging adapter turns the others into the published contracts
 * within the same transaction.
 */
public final class ReleaseEvents {

    private ReleaseEvents() {
    }

    /** A built image was recorded as a pending release and waits for the rollout worker. */
    public record Recorded(UUID deploymentId) {
    }

    /** The release's container was created and started with these limits; it is not yet known to answer. */
    public record Started(UUID deploymentId, UUID projectId, String containerId, long memoryBytes, long nanoCpus,
            UUID ownerId) {
    }

    /** The release's container answers and the project's route points at it: it is live at {@code url}. */
    public record Promoted(UUID deploymentId, UUID projectId, String containerId, String url) {
    }

    /** The container of a release that a newer one ({@code replacedBy}) took over from was stopped and removed. */
    public record Replaced(UUID deploymentId, UUID projectId, String containerId, UUID replacedBy) {
    }

    /** The release could not go live, for {@code reason}; whatever was half-created has been removed. */
    public record Failed(UUID deploymentId, UUID projectId, String reason) {
    }
}
