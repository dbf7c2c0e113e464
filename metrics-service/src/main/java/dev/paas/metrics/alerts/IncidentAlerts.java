package dev.paas.metrics.alerts;

import dev.paas.metrics.owners.KnownResources;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts that facts from other services open and resolve: a crash loop (resolved by the project's next healthy
 * container or its return to RUNNING), a failed build or deployment (resolved by the project's next healthy
 * container) and a failed backup (resolved by the database's next completed backup). They run in the listener's
 * transaction, so the alert, its events and the processed-event record commit together.
 */
@Service
public class IncidentAlerts {

    private static final int LOG_LINES_SHOWN = 3;

    private final Alerts alerts;
    private final KnownResources resources;

    IncidentAlerts(Alerts alerts, KnownResources resources) {
        this.alerts = alerts;
        this.resources = resources;
    }

    /** runtime-service stopped a crash-looping app. */
    @Transactional
    public void crashLoopDetected(UUID projectId, UUID ownerId, int restarts, long windowSeconds,
            List<String> lastLogLines, Instant at) {
        StringBuilder message = new StringBuilder(String.format(Locale.ROOT,
                "the app crashed %d times within %d seconds and was stopped", restarts, windowSeconds));
        if (!lastLogLines.isEmpty()) {
            List<String> tail = lastLogLines.subList(Math.max(0, lastLogLines.size() - LOG_LINES_SHOWN),
                    lastLogLines.size());
            message.append("; last output: ").append(String.join(" | ", tail));
        }
        alerts.raise(new AlertSpec(crashLoopKey(projectId), AlertKind.CRASH_LOOP, "CRITICAL",
                owner(projectId, ownerId), projectId, null, null, truncate(message.toString()), null, at));
    }

    /** A build ended without an image, or an image could not be brought live. */
    @Transactional
    public void deploymentFailed(UUID projectId, UUID deploymentId, UUID ownerId, String stage, String reason,
            Instant at) {
        alerts.raise(new AlertSpec(deploymentKey(projectId), AlertKind.DEPLOYMENT_FAILED, "WARNING",
                owner(projectId, ownerId), projectId, null, null,
                truncate(stage + " of deployment " + deploymentId + " failed: " + reason), null, at));
    }

    /** A deployment of the project is live: its crash loop and failed deployment alerts resolve. */
    @Transactional
    public void projectHealthy(UUID projectId, Instant at) {
        alerts.resolve(crashLoopKey(projectId), "the app is healthy again", at);
        alerts.resolve(deploymentKey(projectId), "a deployment is live", at);
    }

    /** The project runs again (started, resumed or scaled). */
    @Transactional
    public void projectRunning(UUID projectId, Instant at) {
        alerts.resolve(crashLoopKey(projectId), "the app is running again", at);
    }

    /** A backup of the database failed. */
    @Transactional
    public void backupFailed(UUID databaseId, UUID ownerId, String trigger, String reason, Instant at) {
        UUID owner = ownerId != null ? ownerId : resources.ownerOfDatabase(databaseId).orElse(null);
        alerts.raise(new AlertSpec(backupKey(databaseId), AlertKind.BACKUP_FAILED, "WARNING", owner, null, databaseId,
                null, truncate(trigger.toLowerCase(Locale.ROOT) + " backup failed: " + reason), null, at));
    }

    /** A backup of the database completed. */
    @Transactional
    public void backupCompleted(UUID databaseId, Instant at) {
        alerts.resolve(backupKey(databaseId), "the next backup completed", at);
    }

    private UUID owner(UUID projectId, UUID ownerId) {
        return ownerId != null ? ownerId : resources.ownerOfProject(projectId).orElse(null);
    }

    private static String crashLoopKey(UUID projectId) {
        return AlertKind.CRASH_LOOP.name() + "/" + projectId;
    }

    private static String deploymentKey(UUID projectId) {
        return AlertKind.DEPLOYMENT_FAILED.name() + "/" + projectId;
    }

    private static String backupKey(UUID databaseId) {
        return AlertKind.BACKUP_FAILED.name() + "/" + databaseId;
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }
}
