package dev.paas.identity.messaging;

import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.identity.github.WebhookEvents;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the webhook registration outcomes into the published contracts. It listens synchronously, so the outbox row
 * is written in the transaction that recorded the outcome: both commit, or neither does.
 */
@Component
class WebhookEventsPublisher {

    private final Outbox outbox;

    WebhookEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(WebhookEvents.Registered registered) {
        outbox.append(new WebhookRegistered(registered.projectId(), registered.repository(), registered.hookId()));
    }

    @EventListener
    void on(WebhookEvents.Failed failed) {
        outbox.append(new WebhookRegistrationFailed(failed.projectId(), failed.repository(), failed.reason()));
    }
}
