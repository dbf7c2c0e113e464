package dev.paas.runtime.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.projects.KnownProjects;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens to project-service ({@code paas.project}): keeps runtime-service's copy of the projects and their owners
 * current, and removes everything of a deleted project (through {@code ProjectRemoved}, in the handler's
 * transaction).
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConfiguration {

    private final KnownProjects projects;

    ProjectEventsConfiguration(KnownProjects projects) {
        this.projects = projects;
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(BuildEventsConfiguration.CONSUMER)
                .on(ProjectCreated.class, this::projectCreated)
                .on(ProjectDeleted.class, this::projectDeleted)
                .build();
    }

    void projectCreated(ProjectCreated project, EventEnvelope envelope) {
        projects.created(project.projectId(), project.slug(), project.ownerId(), envelope.occurredAt());
    }

    void projectDeleted(ProjectDeleted project, EventEnvelope envelope) {
        projects.deleted(project.projectId(), project.slug(), project.ownerId(), envelope.occurredAt());
    }
}
