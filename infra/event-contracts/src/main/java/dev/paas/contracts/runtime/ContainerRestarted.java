package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * runtime-service restarted one of a project's app containers: it exited, or failed its health check three times in
 * a row. Emitted once per restart, before the restart's back-off delay starts.
 *
 * @param projectId the project
 * @param deploymentId the deployment whose image the container runs
 * @param ownerId the user who owns the project, or {@code null} when it is not known
 * @param containerId the Docker id of the container that was restarted
 * @param instance the replica's index, from 0
 * @param reason why, for the project's history ({@code exited with code 1}, {@code failed its health check 3 times})
 * @param exitCode the container's exit code when it exited, {@code null} when it was restarted while running
 * @param restartCount how many times this replica was restarted in the current crash-loop window, this one included
 * @param delayMillis how long runtime-service waits before starting it again (the back-off)
 */
@EventType(name = "runtime.container-restarted", version = 1)
public record ContainerRestarted(UUID projectId, UUID deploymentId, UUID ownerId, String containerId, int instance,
        String reason, Long exitCode, int restartCount, long delayMillis) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
