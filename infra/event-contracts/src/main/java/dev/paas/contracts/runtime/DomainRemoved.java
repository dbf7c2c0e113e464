package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A custom domain no longer routes to a project: its owner removed it, or the project was deleted.
 *
 * @param projectId the project
 * @param ownerId the user who owns the project
 * @param actorId the user who removed it, {@code null} when the project's deletion did
 * @param domain the host name, lower case
 */
@EventType(name = "runtime.domain-removed", version = 1)
public record DomainRemoved(UUID projectId, UUID ownerId, UUID actorId, String domain) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
