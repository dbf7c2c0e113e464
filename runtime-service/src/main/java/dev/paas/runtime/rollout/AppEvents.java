package dev.paas.runtime.rollout;

import java.util.List;
import java.util.UUID;

/**
 * What happened to a running app, published as Spring events inside the transaction that recorded it; messaging/
 * turns them into the published contracts through the outbox, in the same transaction.
 */
public final class AppEvents {

    private AppEvents() {
    }

    /** A replica was restarted (it exited, or failed its health checks). */
    public record Restarted(UUID projectId, UUID deploymentId, UUID ownerId, String containerId, int instance,
            String reason, Long exitCode, int restartCount, long delayMillis) {
    }

    /** The app kept crashing and was stopped. */
    public record CrashLoop(UUID projectId, UUID deploymentId, UUID ownerId, int restarts, long windowSeconds,
            List<Long> exitCodes, List<String> lastLogLines) {
    }

    /** The app was stopped, started, suspended, resumed or scaled, or a crash loop stopped it. */
    public record StateChanged(UUID projectId, UUID ownerId, String state, int instances, String reason,
            UUID actorId) {
    }
}
