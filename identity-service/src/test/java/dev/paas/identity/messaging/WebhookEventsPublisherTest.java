package dev.paas.identity.messaging;

import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.identity.github.WebhookEvents;
import dev.paas.messaging.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

/** The webhook outcomes leave identity-service as the golden contracts say. */
class WebhookEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final WebhookEventsPublisher publisher = new WebhookEventsPublisher(outbox);

    @Test
    void publishesWebhookRegisteredWithTheHookId() {
        publisher.on(new WebhookEvents.Registered(PROJECT, "acme/shop", 12_345_678L));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(WebhookRegistered.class));
    }

    @Test
    void publishesWebhookRegistrationFailedWithTheReason() {
        publisher.on(new WebhookEvents.Failed(PROJECT, "acme/shop",
                "the owner has no linked GitHub account; link it and recreate the webhook"));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(WebhookRegistrationFailed.class));
    }
}
