package dev.paas.project.history;

import static dev.paas.project.history.ProjectHistory.details;

import dev.paas.project.deployments.DeploymentEvents;
import dev.paas.project.deployments.DeploymentTrigger;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what the deployments went through into their project's history. It listens synchronously to the
 * deployment aggregate's events, so the entry commits with the transition, and a transition happens once.
 */
@Component
class DeploymentHistory {

    private final ProjectHistory history;

    DeploymentHistory(ProjectHistory history) {
        this.history = history;
    }

    @EventListener
    void on(DeploymentEvents.Requested requested) {
        String trigger = requested.trigger().name().toLowerCase(Locale.ROOT);
        history.record(requested.projectId(), requested.at(), HistoryType.DEPLOYMENT_REQUESTED,
                requested.deploymentId(), requested.trigger() == DeploymentTrigger.PUSH ? null : requested.ownerId(),
                "deployment requested (" + trigger + ") of " + (requested.commitSha() == null
                        ? "the head of " + requested.branch() : requested.commitSha()),
                details("trigger", trigger, "branch", requested.branch(), "commitSha", requested.commitSha()));
    }

    @EventListener
    void on(DeploymentEvents.RollbackRequested rollback) {
        history.record(rollback.projectId(), rollback.at(), HistoryType.ROLLBACK_REQUESTED, rollback.deploymentId(),
                rollback.ownerId(), "rollback requested to deployment " + rollback.sourceDeploymentId()
                        + (rollback.commitSha() == null ? "" : " (" + rollback.commitSha() + ")"),
                details("trigger", "rollback", "sourceDeploymentId", rollback.sourceDeploymentId(), "commitSha",
                        rollback.commitSha()));
    }

    @EventListener
    void on(DeploymentEvents.BuildStarted started) {
        history.record(started.projectId(), started.at(), HistoryType.BUILD_STARTED, started.deploymentId(), null,
                "build started", details());
    }

    @EventListener
    void on(DeploymentEvents.ImageBuilt built) {
        history.record(built.projectId(), built.at(), HistoryType.IMAGE_BUILT, built.deploymentId(), null,
                "image " + built.imageTag() + " built" + (built.stack() == null ? "" : " (" + built.stack() + ")"),
                details("imageTag", built.imageTag(), "stack", built.stack(), "commitSha", built.commitSha()));
    }

    @EventListener
    void on(DeploymentEvents.WentLive live) {
        history.record(live.projectId(), live.at(), HistoryType.DEPLOYMENT_LIVE, live.deploymentId(), null,
                "deployment live at " + live.url(), details("url", live.url()));
    }

    @EventListener
    void on(DeploymentEvents.Failed failed) {
        history.record(failed.projectId(), failed.at(), HistoryType.DEPLOYMENT_FAILED, failed.deploymentId(), null,
                "deployment failed: " + failed.reason(), details("reason", failed.reason()));
    }

    @EventListener
    void on(DeploymentEvents.Cancelled cancelled) {
        history.record(cancelled.projectId(), cancelled.at(), HistoryType.DEPLOYMENT_CANCELLED,
                cancelled.deploymentId(), null, "deployment cancelled: " + cancelled.reason(),
                details("reason", cancelled.reason()));
    }

    @EventListener
    void on(DeploymentEvents.Replaced replaced) {
        history.record(replaced.projectId(), replaced.at(), HistoryType.DEPLOYMENT_REPLACED, replaced.deploymentId(),
                null, "deployment replaced" + (replaced.reason() == null ? "" : ": " + replaced.reason()),
                details("reason", replaced.reason()));
    }
}
