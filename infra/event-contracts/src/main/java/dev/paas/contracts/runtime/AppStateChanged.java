package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * What runs of a project changed: it was stopped, started, suspended, resumed or scaled, or a crash loop stopped
 * it. Emitted by runtime-service once per change, after the change took effect.
 *
 * @param projectId the project
 * @param ownerId the user who owns the project, or {@code null} when it is not known
 * @param state {@code RUNNING}, {@code STOPPED}, {@code SUSPENDED} or {@code CRASH_LOOP}
 * @param instances how many replicas should serve it now ({@code 0} unless it is {@code RUNNING})
 * @param reason what caused it, for the project's history ({@code stopped by its owner}, {@code scaled to 3})
 * @param actorId the user who asked for it, {@code null} when the platform did it by itself
 */
@EventType(name = "runtime.app-state-changed", version = 1)
public record AppStateChanged(UUID projectId, UUID ownerId, String state, int instances, String reason,
        UUID actorId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
