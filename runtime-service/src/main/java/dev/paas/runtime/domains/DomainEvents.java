package dev.paas.runtime.domains;

import java.util.UUID;

/**
 * Facts a {@link ProjectDomain} registers. The messaging adapter turns them into the published contracts in the
 * transaction that made the change.
 */
public final class DomainEvents {

    private DomainEvents() {
    }

    /** {@code domain} now routes to the project; {@code actorId} added it. */
    public record Added(UUID projectId, UUID ownerId, UUID actorId, String domain) {
    }

    /**
     * {@code domain} no longer routes to the project; {@code actorId} removed it, or is {@code null} when the
     * project's deletion did.
     */
    public record Removed(UUID projectId, UUID ownerId, UUID actorId, String domain) {
    }
}
