package dev.paas.gateway.messaging;

import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.gateway.webhooks.WebhookEvents;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns accepted pushes into the published {@code GitPushReceived}. It listens synchronously, so the outbox row is
 * written in the transaction that records the delivery id: both commit, or neither does.
 */
@Component
class WebhookEventsPublisher {

    private final Outbox outbox;

    WebhookEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(WebhookEvents.PushReceived push) {
        outbox.append(new GitPushReceived(push.deliveryId(), push.projectId(), push.repository(), push.branch(),
                push.commitSha(), push.commitMessage(), push.pusher()));
    }
}
