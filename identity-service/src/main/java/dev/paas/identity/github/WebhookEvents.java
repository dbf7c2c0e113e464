package dev.paas.identity.github;

import java.util.UUID;

/**
 * Facts {@link WebhookRegistrations} publishes as it records the outcome of a project's push webhook. They stay
 * inside identity-service: the messaging adapter turns them into the published contracts in the same transaction.
 */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    /** GitHub accepted the project's push webhook (hook {@code hookId} on {@code repository}). */
    public record Registered(UUID projectId, String repository, long hookId) {
    }

    /** The project's push webhook could not be registered, and will not be without the user's help. */
    public record Failed(UUID projectId, String repository, String reason) {
    }
}
