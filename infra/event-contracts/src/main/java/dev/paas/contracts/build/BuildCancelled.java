package dev.paas.contracts.build;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * The build ended without an image because it was stopped on purpose: its owner or an administrator cancelled it,
 * or a newer deployment of the same project superseded it while it was still queued. Emitted once per build.
 *
 * @param deploymentId the deployment
 * @param projectId the project
 * @param reason why, for the dashboard ({@code cancelled by its owner}, {@code superseded by deployment <id>})
 * @param ownerId the user who owns the project, or {@code null} when the request carried none
 */
@EventType(name = "build.build-cancelled", version = 1)
public record BuildCancelled(UUID deploymentId, UUID projectId, String reason, UUID ownerId)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
