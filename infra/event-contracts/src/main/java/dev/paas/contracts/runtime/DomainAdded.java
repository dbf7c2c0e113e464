package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A custom domain now routes to a project, besides its {@code <slug>.<base-domain>} address.
 *
 * @param projectId the project
 * @param ownerId the user who owns the project
 * @param actorId the user who added it
 * @param domain the host name, lower case
 */
@EventType(name = "runtime.domain-added", version = 1)
public record DomainAdded(UUID projectId, UUID ownerId, UUID actorId, String domain) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
