package dev.paas.project.pushes;

import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.project.deployments.Deployment;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectRegistration;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys a project when its branch is pushed to and its owner left automatic deployment on, exactly as a manual
 * trigger would (a queued deployment and {@code DeploymentRequested} through the outbox). Each delivery deploys at
 * most once; every push that does not deploy is logged with the reason.
 */
@Service
public class PushDeployments {

    private static final Log log = LogFactory.getLog(PushDeployments.class);
    private static final String DELETED_BRANCH_SHA = "0000000000000000000000000000000000000000";

    private final ProjectRegistration projects;
    private final DeploymentService deployments;
    private final PushDeliveries deliveries;

    PushDeployments(ProjectRegistration projects, DeploymentService deployments, PushDeliveries deliveries) {
        this.projects = projects;
        this.deployments = deployments;
        this.deliveries = deliveries;
    }

    @Transactional
    public void on(GitPushReceived push) {
        if (!deliveries.claim(push.deliveryId(), push.projectId(), push.branch(), push.commitSha())) {
            log.info("push delivery " + push.deliveryId() + " was handled before; it does not deploy again");
            return;
        }
        Optional<Project> project = projects.find(push.projectId());
        PushOutcome outcome = project.map(known -> decide(known, push)).orElse(PushOutcome.UNKNOWN_PROJECT);
        UUID deploymentId = null;
        if (outcome == PushOutcome.DEPLOYED) {
            Deployment deployment = deployments.requestForPush(project.get(), push.commitSha(), push.commitMessage());
            deploymentId = deployment.id();
            log.info("push of " + shortSha(push.commitSha()) + " to " + push.repository() + " " + push.branch()
                    + " (delivery " + push.deliveryId() + ") queued deployment " + deploymentId);
        } else {
            log.info("push delivery " + push.deliveryId() + " to " + push.repository() + " branch " + push.branch()
                    + " does not deploy project " + push.projectId() + ": " + outcome.label());
        }
        deliveries.settle(push.deliveryId(), outcome, deploymentId);
    }

    private static PushOutcome decide(Project project, GitPushReceived push) {
        if (push.branch() == null) {
            return PushOutcome.NOT_A_BRANCH;
        }
        if (!push.branch().equals(project.branch())) {
            return PushOutcome.OTHER_BRANCH;
        }
        if (push.commitSha() == null || DELETED_BRANCH_SHA.equals(push.commitSha())) {
            return PushOutcome.BRANCH_DELETED;
        }
        if (!project.autoDeploy()) {
            return PushOutcome.AUTO_DEPLOY_OFF;
        }
        return PushOutcome.DEPLOYED;
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
