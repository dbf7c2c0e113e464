package dev.paas.gateway.webhooks;

import java.util.UUID;

/**
 * Facts the webhook receiver publishes as it accepts deliveries. They stay inside the gateway: the messaging adapter
 * turns them into the published contracts in the transaction that records the delivery.
 */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    /**
     * A signed push delivery was accepted for the first time.
     *
     * @param branch the pushed branch; {@code null} when a tag was pushed
     * @param commitMessage the head commit's first line, or {@code null}
     * @param pusher the GitHub login that pushed, or {@code null}
     */
    public record PushReceived(String deliveryId, UUID projectId, String repository, String branch,
            String commitSha, String commitMessage, String pusher) {
    }
}
