package dev.paas.project.pushes;

import dev.paas.project.accounts.Accounts;
import dev.paas.project.deployments.Deployment;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectEvents;
import dev.paas.project.projects.ProjectRegistration;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys a project when its branch is pushed to and its owner left automatic deployment on, exactly as a manual
 * trigger would (a queued deployment, announced to build-service in the same transaction). Each delivery deploys at
 * most once; every push that does not deploy (also one to a suspended account's project) is logged with the reason
 * and its delivery recorded with it.
 */
@Service
public class PushDeployments {

    private static final Log log = LogFactory.getLog(PushDeployments.class);
    private static final String DELETED_BRANCH_SHA = "0000000000000000000000000000000000000000";

    private final ProjectRegistration projects;
    private final DeploymentService deployments;
    private final PushDeliveries deliveries;
    private final Accounts accounts;

    PushDeployments(ProjectRegistration projects, DeploymentService deployments, PushDeliveries deliveries,
            Accounts accounts) {
        this.projects = projects;
        this.deployments = deployments;
        this.deliveries = deliveries;
        this.accounts = accounts;
    }

    /**
     * GitHub delivered ({@code deliveryId}) a push of {@code commitSha} to {@code branch} of {@code repository}, on the
     * webhook of project {@code projectId}. {@code branch} is {@code null} for a tag; a deleted branch has an all-zero
     * sha. A delivery handled before changes nothing.
     */
    @Transactional
    public void pushed(String deliveryId, UUID projectId, String repository, String branch, String commitSha,
            String commitMessage) {
        if (!deliveries.claim(deliveryId, projectId, branch, commitSha)) {
            log.info("push delivery " + deliveryId + " was handled before; it does not deploy again");
            return;
        }
        Optional<Project> project = projects.find(projectId);
        PushOutcome outcome = project.map(known -> decide(known, branch, commitSha))
                .orElse(PushOutcome.UNKNOWN_PROJECT);
        UUID deploymentId = null;
        if (outcome == PushOutcome.DEPLOYED) {
            Deployment deployment = deployments.requestForPush(project.get(), commitSha, commitMessage);
            deploymentId = deployment.id();
            log.info("push of " + shortSha(commitSha) + " to " + repository + " " + branch + " (delivery "
                    + deliveryId + ") queued deployment " + deploymentId);
        } else {
            log.info("push delivery " + deliveryId + " to " + repository + " branch " + branch
                    + " does not deploy project " + projectId + ": " + outcome.label());
        }
        deliveries.settle(deliveryId, outcome, deploymentId);
    }

    /** A project is being deleted: the record of its push deliveries goes with it. */
    @EventListener
    void on(ProjectEvents.Deleted deleted) {
        deliveries.deleteAllOfProject(deleted.projectId());
    }

    private PushOutcome decide(Project project, String branch, String commitSha) {
        if (branch == null) {
            return PushOutcome.NOT_A_BRANCH;
        }
        if (!branch.equals(project.branch())) {
            return PushOutcome.OTHER_BRANCH;
        }
        if (commitSha == null || DELETED_BRANCH_SHA.equals(commitSha)) {
            return PushOutcome.BRANCH_DELETED;
        }
        if (!project.autoDeploy()) {
            return PushOutcome.AUTO_DEPLOY_OFF;
        }
        if (accounts.isSuspended(project.ownerId())) {
            return PushOutcome.ACCOUNT_SUSPENDED;
        }
        return PushOutcome.DEPLOYED;
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
