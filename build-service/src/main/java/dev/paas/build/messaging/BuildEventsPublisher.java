package dev.paas.build.messaging;

import dev.paas.build.builds.BuildEvents;
import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the build aggregate's events into the published contracts. It listens synchronously, so the outbox row is
 * written in the transaction that changed the build: both commit, or neither does.
 */
@Component
class BuildEventsPublisher {

    private final Outbox outbox;

    BuildEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(BuildEvents.Started started) {
        outbox.append(new BuildStarted(started.deploymentId(), started.projectId(), started.ownerId()));
    }

    @EventListener
    void on(BuildEvents.Succeeded built) {
        outbox.append(new ImageBuilt(built.deploymentId(), built.projectId(), built.projectSlug(), built.imageTag(),
                built.stack(), built.commitSha(), built.commitMessage(), built.port(), built.ownerId(),
                built.commitAuthor()));
    }

    @EventListener
    void on(BuildEvents.Failed failed) {
        outbox.append(new BuildFailed(failed.deploymentId(), failed.projectId(), failed.reason(), failed.stack(),
                failed.commitSha(), failed.commitMessage(), failed.ownerId(), failed.commitAuthor()));
    }

    @EventListener
    void on(BuildEvents.Cancelled cancelled) {
        outbox.append(new BuildCancelled(cancelled.deploymentId(), cancelled.projectId(), cancelled.reason(),
                cancelled.ownerId()));
    }
}
