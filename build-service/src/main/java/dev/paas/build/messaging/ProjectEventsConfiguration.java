package dev.paas.build.messaging;

import dev.paas.build.builds.BuildQueue;
import dev.paas.build.builds.DeletedProjects;
import dev.paas.build.stack.BuildOverrides;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code projectEvents-in-0} binding ({@code paas.project}, group {@code build-service}): a requested deployment
 * becomes a queued build, a deleted project has its builds cancelled and then purged with its images. The handlers
 * only record it; the build worker and the purge do the slow part.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConfiguration {

    /** Consumer name under which handled events are recorded in {@code processed_event}. */
    static final String CONSUMER = "build-service";

    private final BuildQueue queue;
    private final DeletedProjects deletedProjects;

    ProjectEventsConfiguration(BuildQueue queue, DeletedProjects deletedProjects) {
        this.queue = queue;
        this.deletedProjects = deletedProjects;
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(CONSUMER)
                .on(DeploymentRequested.class, this::deploymentRequested)
                .on(ProjectDeleted.class, this::projectDeleted)
                .build();
    }

    /** Translates the contract into the queue's terms; a request from before build settings carries none. */
    void deploymentRequested(DeploymentRequested requested) {
        queue.enqueue(requested.deploymentId(), requested.projectId(), requested.ownerId(), requested.projectSlug(),
                requested.repoUrl(), requested.branch(), requested.commitSha(), overridesOf(requested.buildSettings()));
    }

    /** Only the project id matters here: builds and images are found by it. */
    void projectDeleted(ProjectDeleted deleted) {
        deletedProjects.forget(deleted.projectId());
    }

    private static BuildOverrides overridesOf(DeploymentRequested.BuildSettings settings) {
        if (settings == null) {
            return BuildOverrides.NONE;
        }
        return new BuildOverrides(settings.rootDirectory(), settings.installCommand(), settings.buildCommand(),
                settings.startCommand(), settings.port(), settings.dockerfilePath());
    }
}
