package dev.paas.project.messaging;

import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.RollbackRequested;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.project.deployments.DeploymentEvents;
import dev.paas.project.projects.BuildSettings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the deployment aggregate's events into the published contracts. It listens synchronously, so the outbox row
 * is written in the transaction that queued the deployment (or the rollback): both commit, or neither does.
 */
@Component
class DeploymentEventsPublisher {

    private final Outbox outbox;

    DeploymentEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(DeploymentEvents.Requested requested) {
        BuildSettings settings = requested.buildSettings();
        outbox.append(new DeploymentRequested(requested.deploymentId(), requested.projectId(),
                requested.projectSlug(), requested.repoUrl(), requested.branch(), requested.ownerId(),
                requested.commitSha(), new DeploymentRequested.BuildSettings(settings.rootDirectory(),
                        settings.installCommand(), settings.buildCommand(), settings.startCommand(), settings.port(),
                        settings.dockerfilePath())));
    }

    @EventListener
    void on(DeploymentEvents.RollbackRequested rollback) {
        outbox.append(new RollbackRequested(rollback.deploymentId(), rollback.projectId(), rollback.projectSlug(),
                rollback.ownerId(), rollback.sourceDeploymentId()));
    }
}
