package dev.paas.identity.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.identity.github.WebhookRegistrations;
import dev.paas.messaging.testing.ListenerDeliveries;
import org.junit.jupiter.api.Test;

/** The golden {@code ProjectCreated}, as project-service publishes it, asks for the project's push webhook. */
class ProjectEventListenersTest {

    private final WebhookRegistrations webhooks = mock(WebhookRegistrations.class);

    @Test
    void registersTheWebhookOfAProjectPickedFromGitHub() {
        ListenerDeliveries.deliver(new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(),
                webhooks), GoldenEvents.envelope(ProjectCreated.class));

        verify(webhooks).register(PROJECT, OWNER, "acme/shop");
    }
}
