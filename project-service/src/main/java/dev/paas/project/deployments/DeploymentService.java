package dev.paas.project.deployments;

import dev.paas.ids.UuidV7;
import dev.paas.problems.NotFound;
import dev.paas.project.accounts.Accounts;
import dev.paas.project.accounts.NewWork;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectEvents;
import dev.paas.project.projects.ProjectRegistration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues deployments and applies what build-service and runtime-service report about them. A report about a
 * deployment this service does not know is logged and ignored; the {@link Deployment} aggregate makes a late or
 * repeated report change nothing it should not.
 */
@Service
public class DeploymentService {

    private static final Log log = LogFactory.getLog(DeploymentService.class);

    private final Deployments deployments;
    private final ProjectRegistration projects;
    private final Accounts accounts;

    DeploymentService(Deployments deployments, ProjectRegistration projects, Accounts accounts) {
        this.deployments = deployments;
        this.projects = projects;
        this.accounts = accounts;
    }

    /**
     * Queues a deployment of the project's branch, as its owner asked, and asks build-service for it.
     *
     * @throws dev.paas.problems.PaymentRequired when billing-service suspended the owner's account
     */
    @Transactional
    public Deployment request(Project project) {
        accounts.admit(project.ownerId(), NewWork.DEPLOY);
        return deployments.save(Deployment.queue(UuidV7.next(), targetOf(project), null, Instant.now()));
    }

    /**
     * Queues a deployment of commit {@code commitSha} (7 to 40 lower-case hex digits), as its owner asked.
     *
     * @throws dev.paas.problems.PaymentRequired when billing-service suspended the owner's account
     */
    @Transactional
    public Deployment requestCommit(Project project, String commitSha) {
        accounts.admit(project.ownerId(), NewWork.DEPLOY);
        return deployments.save(Deployment.queue(UuidV7.next(), targetOf(project), commitSha, Instant.now()));
    }

    /**
     * Queues a deployment of exactly {@code commitSha}, because it was pushed to the project's branch. Whether the push
     * deploys at all (not for a suspended account) is the caller's decision.
     */
    @Transactional
    public Deployment requestForPush(Project project, String commitSha, String commitMessage) {
        return deployments.save(Deployment.queueForPush(UuidV7.next(), targetOf(project), commitSha, commitMessage,
                Instant.now()));
    }

    /**
     * Runs the image of the project's deployment {@code sourceId} again, as a new deployment that runtime-service
     * rolls out; nothing is built.
     *
     * @throws NotFound when {@code sourceId} is no deployment of the project
     * @throws dev.paas.problems.Conflict when that deployment never went live, so there is no image to run
     * @throws dev.paas.problems.PaymentRequired when billing-service suspended the owner's account
     */
    @Transactional
    public Deployment rollback(Project project, UUID sourceId) {
        accounts.admit(project.ownerId(), NewWork.ROLL_BACK);
        Deployment source = deployments.findById(sourceId)
                .filter(deployment -> deployment.projectId().equals(project.id()))
                .orElseThrow(() -> new NotFound("deployment", sourceId));
        return deployments.save(Deployment.rollbackTo(UuidV7.next(), targetOf(project), source, Instant.now()));
    }

    /** A project is being deleted: its deployments go with it, whatever state they are in. */
    @EventListener
    void on(ProjectEvents.Deleted deleted) {
        deployments.deleteAllOfProject(deleted.projectId());
    }

    private static DeploymentTarget targetOf(Project project) {
        return new DeploymentTarget(project.id(), project.ownerId(), project.slug(), project.repoUrl(),
                project.branch(), project.buildSettings());
    }

    /** The caller's deployment {@code id}; one of someone else's projects is not found, like a missing one. */
    public Deployment get(UUID id, UUID caller) {
        return deployments.findById(id).filter(deployment -> projects.isOwnedBy(deployment.projectId(), caller))
                .orElseThrow(() -> new NotFound("deployment", id));
    }

    public List<Deployment> ofProject(UUID projectId) {
        return deployments.findByProjectIdOrderByCreatedAtDesc(projectId);
    }

    public Optional<Deployment> latestOf(UUID projectId) {
        return deployments.findFirstByProjectIdOrderByCreatedAtDesc(projectId);
    }

    /** build-service began building the deployment {@code at}. */
    @Transactional
    public void buildStarted(UUID deploymentId, Instant at) {
        update(deploymentId, deployment -> deployment.buildStarted(at));
    }

    /** The deployment's image {@code imageTag} was built from {@code commit}, detected as {@code stack}. */
    @Transactional
    public void imageBuilt(UUID deploymentId, String stack, CommitInfo commit, String imageTag, Instant at) {
        update(deploymentId, deployment -> deployment.imageBuilt(stack, commit, imageTag, at));
    }

    /** The build ended without an image, for {@code reason}; source details are {@code null} when unknown. */
    @Transactional
    public void buildFailed(UUID deploymentId, String reason, String stack, CommitInfo commit, Instant at) {
        update(deploymentId, deployment -> deployment.buildFailed(reason, stack, commit, at));
    }

    /** build-service stopped the deployment's build for {@code reason}: cancelled, or superseded. */
    @Transactional
    public void buildCancelled(UUID deploymentId, String reason, Instant at) {
        update(deploymentId, deployment -> deployment.buildCancelled(reason, at));
    }

    /** The deployment's container answers and is served at {@code url}. */
    @Transactional
    public void becameHealthy(UUID deploymentId, String url, Instant at) {
        update(deploymentId, deployment -> deployment.becameHealthy(url, at));
    }

    /** runtime-service could not bring the built image live, for {@code reason}. */
    @Transactional
    public void runFailed(UUID deploymentId, String reason, Instant at) {
        update(deploymentId, deployment -> deployment.fail(reason, at));
    }

    /** The deployment's container was stopped {@code at} because a newer deployment replaced it. */
    @Transactional
    public void replaced(UUID deploymentId, String reason, Instant at) {
        update(deploymentId, deployment -> deployment.replaced(reason, at));
    }

    private void update(UUID deploymentId, Consumer<Deployment> change) {
        deployments.findById(deploymentId).ifPresentOrElse(deployment -> {
            change.accept(deployment);
            deployments.save(deployment);
        }, () -> log.warn("ignoring a report about unknown deployment " + deploymentId));
    }
}
