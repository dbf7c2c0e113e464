package dev.paas.gateway.webhooks;

/** What the receiver did with a verified delivery. */
public sealed interface WebhookOutcome {

    /** GitHub's {@code ping} when a hook is created. */
    record Pong() implements WebhookOutcome {
    }

    /** An event other than a push: verified, then ignored. */
    record Ignored(String event) implements WebhookOutcome {
    }

    /** A push recorded and {@link WebhookEvents.PushReceived} published (as {@code GitPushReceived}). */
    record Accepted(String deliveryId) implements WebhookOutcome {
    }

    /** A push delivery accepted before (a GitHub redelivery): nothing published again. */
    record Duplicate(String deliveryId) implements WebhookOutcome {
    }
}
