package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.messaging.EventCodec;
import dev.paas.project.projects.ProjectWebhooks;
import dev.paas.project.pushes.PushDeployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listeners of {@code paas.identity} and {@code paas.webhook} fed the platform's golden envelopes, as they
 * arrive from JetStream: each becomes one call on the feature that acts on it.
 */
class GitHubEventListenersTest {

    private final EventCodec codec = new EventCodec();
    private final ProjectWebhooks webhooks = mock(ProjectWebhooks.class);
    private final PushDeployments pushes = mock(PushDeployments.class);
    private final GitHubEventListeners listeners = new GitHubEventListeners(webhooks, pushes);

    @AfterEach
    void makesNoOtherCall() {
        verifyNoMoreInteractions(webhooks, pushes);
    }

    @Test
    void recordsTheRegisteredWebhookOnTheGoldenWebhookRegistered() {
        listeners.webhookRegistered(golden(WebhookRegistered.class));

        verify(webhooks).registered(PROJECT);
    }

    @Test
    void recordsWhyTheWebhookFailedOnTheGoldenWebhookRegistrationFailed() {
        listeners.webhookRegistrationFailed(golden(WebhookRegistrationFailed.class));

        verify(webhooks).failed(PROJECT, "the owner has no linked GitHub account; link it and recreate the webhook");
    }

    @Test
    void handsTheDeliveryToPushDeploymentsOnTheGoldenGitPushReceived() {
        listeners.gitPushReceived(golden(GitPushReceived.class));

        verify(pushes).pushed("72d3162e-cc78-11e3-81ab-4c9367dc0958", PROJECT, "acme/shop", "main",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout");
    }

    private <T extends IntegrationEvent> T golden(Class<T> type) {
        return codec.read(codec.fromBytes(GoldenEvents.envelope(type)), type);
    }
}
