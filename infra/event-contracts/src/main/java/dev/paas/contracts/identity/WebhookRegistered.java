package dev.paas.contracts.identity;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * identity-service registered a push webhook on the project's GitHub repository, with the owner's GitHub token and
 * the project's webhook secret (which never travels on the bus).
 *
 * @param projectId the project
 * @param repository {@code owner/name}
 * @param hookId GitHub's id of the hook
 */
@EventType(name = "identity.webhook-registered", version = 1)
public record WebhookRegistered(UUID projectId, String repository, long hookId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
