package dev.paas.gateway.messaging;

import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.gateway.webhooks.WebhookEvents;
import dev.paas.messaging.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

/** Accepted pushes leave the gateway as the golden {@code GitPushReceived} says. */
class WebhookEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final WebhookEventsPublisher publisher = new WebhookEventsPublisher(outbox);

    @Test
    void publishesGitPushReceivedForAnAcceptedPush() {
        publisher.on(new WebhookEvents.PushReceived("72d3162e-cc78-11e3-81ab-4c9367dc0958", PROJECT, "acme/shop",
                "main", "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", "octocat"));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(GitPushReceived.class));
    }
}
