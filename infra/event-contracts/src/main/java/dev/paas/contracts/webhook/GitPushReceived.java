package dev.paas.contracts.webhook;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * GitHub reported a push to a project's repository, and the delivery's signature matched the project's webhook
 * secret: emitted by the gateway once per {@code X-GitHub-Delivery}. project-service deploys the project when the
 * branch is the project's and auto-deploy is on.
 *
 * @param deliveryId GitHub's {@code X-GitHub-Delivery} id
 * @param projectId the project whose webhook received it
 * @param repository {@code owner/name}
 * @param branch the pushed branch ({@code refs/heads/} removed); {@code null} when a tag was pushed
 * @param commitSha the new head commit ({@code after}); all zeros when the branch was deleted
 * @param commitMessage the head commit's first line, or {@code null}
 * @param pusher the GitHub login that pushed, or {@code null}
 */
@EventType(name = "webhook.git-push-received", version = 1)
public record GitPushReceived(String deliveryId, UUID projectId, String repository, String branch,
        String commitSha, String commitMessage, String pusher) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
