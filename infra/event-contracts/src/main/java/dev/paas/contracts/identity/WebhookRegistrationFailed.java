package dev.paas.contracts.identity;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * identity-service could not register the push webhook for a project picked from GitHub: the owner has no linked
 * GitHub account, the token lacks the rights, or GitHub refused. Pushes will not deploy the project until it is
 * fixed; manual deployments still work.
 *
 * @param projectId the project
 * @param repository {@code owner/name}
 * @param reason a human-readable message for the dashboard
 */
@EventType(name = "identity.webhook-registration-failed", version = 1)
public record WebhookRegistrationFailed(UUID projectId, String repository, String reason)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
