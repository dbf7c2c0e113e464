package dev.paas.project.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.project.projects.ProjectEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the project aggregate's events into the published contracts. It listens synchronously, so the outbox row is
 * written in the transaction that registered (or deleted) the project: both commit, or neither does.
 */
@Component
class ProjectEventsPublisher {

    private final Outbox outbox;

    ProjectEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ProjectEvents.Registered registered) {
        outbox.append(new ProjectCreated(registered.projectId(), registered.slug(), registered.ownerId(),
                registered.repoUrl(), registered.branch(), registered.githubRepository()));
    }

    @EventListener
    void on(ProjectEvents.Deleted deleted) {
        outbox.append(new ProjectDeleted(deleted.projectId(), deleted.slug(), deleted.ownerId(), deleted.actorId(),
                deleted.githubRepository()));
    }
}
