package dev.paas.runtime.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.contracts.project.RollbackRequested;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.rollout.Rollouts;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens to project-service ({@code paas.project}): keeps runtime-service's copy of the projects and their owners
 * current, rolls earlier images out again on a rollback, and removes everything of a deleted project (through {@code ProjectRemoved}, in the handler's
 * transaction).
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConfiguration {

    private final KnownProjects projects;
    private final Rollouts rollouts;

    ProjectEventsConfiguration(KnownProjects projects, Rollouts rollouts) {
        this.projects = projects;
        this.rollouts = rollouts;
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(BuildEventsConfiguration.CONSUMER)
                .on(ProjectCreated.class, this::projectCreated)
                .on(ProjectDeleted.class, this::projectDeleted)
                .on(RollbackRequested.class, this::rollbackRequested)
                .build();
    }

    void projectCreated(ProjectCreated project, EventEnvelope envelope) {
        projects.created(project.projectId(), project.slug(), project.ownerId(), envelope.occurredAt());
    }

    /** An earlier deployment's image rolls out again as a new deployment; nothing for a deleted project. */
    void rollbackRequested(RollbackRequested rollback) {
        if (projects.removed(rollback.projectId())) {
            return;
        }
        rollouts.rollBack(rollback.deploymentId(), rollback.projectId(), rollback.ownerId(), rollback.projectSlug(),
                rollback.sourceDeploymentId());
    }

    void projectDeleted(ProjectDeleted project, EventEnvelope envelope) {
        projects.deleted(project.projectId(), project.slug(), project.ownerId(), envelope.occurredAt());
    }
}
