package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/**
 * A project's app kept crashing: {@code restarts} restarts within {@code windowSeconds}. runtime-service stopped
 * the project (its status is {@code CRASH_LOOP}) and will not restart it until its owner starts or redeploys it.
 *
 * @param projectId the project
 * @param deploymentId the deployment whose image kept crashing
 * @param ownerId the user who owns the project, or {@code null} when it is not known
 * @param restarts how many restarts made it a crash loop
 * @param windowSeconds within how many seconds they happened
 * @param exitCodes the exit codes of the crashes, oldest first ({@code -1} for a container restarted while running)
 * @param lastLogLines the last lines the crashing container wrote, oldest first
 */
@EventType(name = "runtime.crash-loop-detected", version = 1)
public record CrashLoopDetected(UUID projectId, UUID deploymentId, UUID ownerId, int restarts, long windowSeconds,
        List<Long> exitCodes, List<String> lastLogLines) implements IntegrationEvent {

    public CrashLoopDetected {
        exitCodes = exitCodes == null ? List.of() : List.copyOf(exitCodes);
        lastLogLines = lastLogLines == null ? List.of() : List.copyOf(lastLogLines);
    }

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
