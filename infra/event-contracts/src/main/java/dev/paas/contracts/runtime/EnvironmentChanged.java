package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/**
 * A project's environment variables were changed through the API. It names the keys, never a value: this event is
 * the audit record of the change.
 *
 * @param projectId the project
 * @param ownerId the user who owns the project
 * @param actorId the user who made the change
 * @param action {@code SET} (keys added or changed), {@code DELETED}, or {@code REPLACED} (the whole set)
 * @param keys the keys the change touched, sorted
 */
@EventType(name = "runtime.environment-changed", version = 1)
public record EnvironmentChanged(UUID projectId, UUID ownerId, UUID actorId, String action, List<String> keys)
        implements IntegrationEvent {

    public EnvironmentChanged {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
