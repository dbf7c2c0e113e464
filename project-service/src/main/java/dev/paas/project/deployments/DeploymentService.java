package dev.paas.project.deployments;

import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.ids.UuidV7;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectRegistration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues deployments and applies what build-service and runtime-service report about them. */
@Service
public class DeploymentService {

    private static final Log log = LogFactory.getLog(DeploymentService.class);

    private final Deployments deployments;
    private final ProjectRegistration projects;
    private final Outbox outbox;

    DeploymentService(Deployments deployments, ProjectRegistration projects, Outbox outbox) {
        this.deployments = deployments;
        this.projects = projects;
        this.outbox = outbox;
    }

    /** Queues a deployment of the project's branch, as its owner asked, and asks build-service for it. */
    @Transactional
    public Deployment request(Project project) {
        return queue(project, Deployment.queue(UuidV7.next(), project.id(), Instant.now()));
    }

    /** Queues a deployment of the project's branch because {@code commitSha} was pushed to it. */
    @Transactional
    public Deployment requestForPush(Project project, String commitSha, String commitMessage) {
        return queue(project, Deployment.queueForPush(UuidV7.next(), project.id(), commitSha, commitMessage,
                Instant.now()));
    }

    private Deployment queue(Project project, Deployment queued) {
        Deployment deployment = deployments.save(queued);
        outbox.append(new DeploymentRequested(deployment.id(), project.id(), project.slug(), project.repoUrl(),
                project.branch(), project.ownerId()));
        return deployment;
    }

    /** The caller's deployment {@code id}; one of someone else's projects is not found, like a missing one. */
    public Deployment get(UUID id, UUID caller) {
        return deployments.findById(id).filter(deployment -> projects.isOwnedBy(deployment.projectId(), caller))
                .orElseThrow(() -> new DeploymentNotFoundException(id));
    }

    public List<Deployment> ofProject(UUID projectId) {
        return deployments.findByProjectIdOrderByCreatedAtDesc(projectId);
    }

    public Optional<Deployment> latestOf(UUID projectId) {
        return deployments.findFirstByProjectIdOrderByCreatedAtDesc(projectId);
    }

    public void on(BuildStarted event, EventEnvelope envelope) {
        update(event.deploymentId(), deployment -> deployment.buildStarted(envelope.occurredAt()));
    }

    public void on(ImageBuilt event, EventEnvelope envelope) {
        update(event.deploymentId(), deployment -> deployment.imageBuilt(event.stack(), event.commitSha(),
                event.commitMessage(), event.imageTag(), envelope.occurredAt()));
    }

    public void on(BuildFailed event, EventEnvelope envelope) {
        update(event.deploymentId(), deployment -> deployment.buildFailed(event.reason(), event.stack(),
                event.commitSha(), event.commitMessage(), envelope.occurredAt()));
    }

    public void on(ContainerHealthy event, EventEnvelope envelope) {
        update(event.deploymentId(), deployment -> deployment.becameHealthy(event.url(), envelope.occurredAt()));
    }

    public void on(DeploymentFailed event, EventEnvelope envelope) {
        update(event.deploymentId(), deployment -> deployment.fail(event.reason(), envelope.occurredAt()));
    }

    public void on(ContainerStopped event, EventEnvelope envelope) {
        update(event.deploymentId(), Deployment::replaced);
    }

    private void update(UUID deploymentId, Consumer<Deployment> change) {
        deployments.findById(deploymentId).ifPresentOrElse(deployment -> {
            change.accept(deployment);
            deployments.save(deployment);
        }, () -> log.warn("ignoring event for unknown deployment " + deploymentId));
    }
}
