package dev.paas.project.messaging;

import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerRestarted;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.contracts.runtime.EnvironmentChanged;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.project.deployments.CommitInfo;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.history.ProjectHistory;
import dev.paas.project.projects.AppRuntime;
import dev.paas.project.projects.ProjectRegistration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Feeds build and runtime facts ({@code paas.build}, {@code paas.runtime}) into the deployment state machine, the
 * app's runtime state and the project's history: each contract and the time its envelope says it happened become a
 * call on {@link DeploymentService}, {@link ProjectRegistration} or {@link ProjectHistory}, all in the inbox's
 * transaction.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentEventListeners {

    private static final Log log = LogFactory.getLog(DeploymentEventListeners.class);

    private final DeploymentService deployments;
    private final ProjectRegistration projects;
    private final ProjectHistory history;

    DeploymentEventListeners(DeploymentService deployments, ProjectRegistration projects, ProjectHistory history) {
        this.deployments = deployments;
        this.projects = projects;
        this.history = history;
    }

    @Bean
    Consumer<Message<byte[]>> buildEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(BuildStarted.class, this::buildStarted)
                .on(ImageBuilt.class, this::imageBuilt)
                .on(BuildFailed.class, this::buildFailed)
                .on(BuildCancelled.class, this::buildCancelled)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> runtimeEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(ContainerHealthy.class, this::containerHealthy)
                .on(DeploymentFailed.class, this::deploymentFailed)
                .on(ContainerStopped.class, this::containerStopped)
                .on(ContainerRestarted.class, this::containerRestarted)
                .on(CrashLoopDetected.class, this::crashLoopDetected)
                .on(AppStateChanged.class, this::appStateChanged)
                .on(EnvironmentChanged.class, this::environmentChanged)
                .on(DomainAdded.class, this::domainAdded)
                .on(DomainRemoved.class, this::domainRemoved)
                .build();
    }

    void buildStarted(BuildStarted started, EventEnvelope envelope) {
        deployments.buildStarted(started.deploymentId(), envelope.occurredAt());
    }

    void imageBuilt(ImageBuilt built, EventEnvelope envelope) {
        deployments.imageBuilt(built.deploymentId(), built.stack(),
                new CommitInfo(built.commitSha(), built.commitMessage(), built.commitAuthor()), built.imageTag(),
                envelope.occurredAt());
    }

    void buildFailed(BuildFailed failed, EventEnvelope envelope) {
        deployments.buildFailed(failed.deploymentId(), failed.reason(), failed.stack(),
                new CommitInfo(failed.commitSha(), failed.commitMessage(), failed.commitAuthor()),
                envelope.occurredAt());
    }

    void buildCancelled(BuildCancelled cancelled, EventEnvelope envelope) {
        deployments.buildCancelled(cancelled.deploymentId(), cancelled.reason(), envelope.occurredAt());
    }

    void containerHealthy(ContainerHealthy healthy, EventEnvelope envelope) {
        deployments.becameHealthy(healthy.deploymentId(), healthy.url(), envelope.occurredAt());
    }

    void deploymentFailed(DeploymentFailed failed, EventEnvelope envelope) {
        deployments.runFailed(failed.deploymentId(), failed.reason(), envelope.occurredAt());
    }

    void containerStopped(ContainerStopped stopped, EventEnvelope envelope) {
        deployments.replaced(stopped.deploymentId(), stopped.reason(), envelope.occurredAt());
    }

    void containerRestarted(ContainerRestarted restarted, EventEnvelope envelope) {
        history.containerRestarted(restarted.projectId(), restarted.deploymentId(), envelope.occurredAt(),
                restarted.instance(), restarted.reason(), restarted.exitCode(), restarted.restartCount(),
                restarted.delayMillis());
    }

    void crashLoopDetected(CrashLoopDetected crashLoop, EventEnvelope envelope) {
        projects.runtimeStateChanged(crashLoop.projectId(), AppRuntime.State.CRASH_LOOP, 0, envelope.occurredAt());
        history.crashLoopDetected(crashLoop.projectId(), crashLoop.deploymentId(), envelope.occurredAt(),
                crashLoop.restarts(), crashLoop.windowSeconds(), crashLoop.exitCodes(), crashLoop.lastLogLines());
    }

    void appStateChanged(AppStateChanged changed, EventEnvelope envelope) {
        stateOf(changed.state()).ifPresentOrElse(
                state -> projects.runtimeStateChanged(changed.projectId(), state, changed.instances(),
                        envelope.occurredAt()),
                () -> log.warn("app state " + changed.state() + " of project " + changed.projectId() + " (event "
                        + envelope.id() + ") is none this service knows; only its history records it"));
        history.appStateChanged(changed.projectId(), envelope.occurredAt(), changed.state(), changed.instances(),
                changed.reason(), changed.actorId());
    }

    void environmentChanged(EnvironmentChanged changed, EventEnvelope envelope) {
        history.environmentChanged(changed.projectId(), envelope.occurredAt(), changed.actorId(), changed.action(),
                changed.keys());
    }

    void domainAdded(DomainAdded added, EventEnvelope envelope) {
        history.domainAdded(added.projectId(), envelope.occurredAt(), added.actorId(), added.domain());
    }

    void domainRemoved(DomainRemoved removed, EventEnvelope envelope) {
        history.domainRemoved(removed.projectId(), envelope.occurredAt(), removed.actorId(), removed.domain());
    }

    private static Optional<AppRuntime.State> stateOf(String state) {
        return Arrays.stream(AppRuntime.State.values()).filter(known -> known.name().equals(state)).findFirst();
    }
}
