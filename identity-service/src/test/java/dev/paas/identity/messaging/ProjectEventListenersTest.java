package dev.paas.identity.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.identity.github.WebhookRegistrations;
import dev.paas.identity.github.WebhookRemovals;
import dev.paas.messaging.testing.ListenerDeliveries;
import org.junit.jupiter.api.Test;

/**
 * The golden {@code ProjectCreated}, as project-service publishes it, asks for the project's push webhook; the golden
 * {@code ProjectDeleted} has it removed.
 */
class ProjectEventListenersTest {

    private final WebhookRegistrations webhooks = mock(WebhookRegistrations.class);
    private final WebhookRemovals removals = mock(WebhookRemovals.class);

    @Test
    void registersTheWebhookOfAProjectPickedFromGitHub() {
        ListenerDeliveries.deliver(new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(),
                webhooks, removals), GoldenEvents.envelope(ProjectCreated.class));

        verify(webhooks).register(PROJECT, OWNER, "acme/shop");
        verifyNoInteractions(removals);
    }

    @Test
    void removesTheWebhookOfADeletedProject() {
        ListenerDeliveries.deliver(new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(),
                webhooks, removals), GoldenEvents.envelope(ProjectDeleted.class));

        verify(removals).remove(PROJECT);
        verifyNoInteractions(webhooks);
    }
}
