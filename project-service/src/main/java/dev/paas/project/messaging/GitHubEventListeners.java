package dev.paas.project.messaging;

import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.project.projects.ProjectWebhooks;
import dev.paas.project.pushes.PushDeployments;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * What happens on GitHub's side: identity-service's reports on push hooks ({@code paas.identity}) and the pushes
 * the gateway accepted ({@code paas.webhook}), each translated into a call on the feature that acts on it.
 */
@Configuration(proxyBeanMethods = false)
class GitHubEventListeners {

    private final ProjectWebhooks webhooks;
    private final PushDeployments pushes;

    GitHubEventListeners(ProjectWebhooks webhooks, PushDeployments pushes) {
        this.webhooks = webhooks;
        this.pushes = pushes;
    }

    @Bean
    Consumer<Message<byte[]>> identityEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(WebhookRegistered.class, this::webhookRegistered)
                .on(WebhookRegistrationFailed.class, this::webhookRegistrationFailed)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> webhookEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(GitPushReceived.class, this::gitPushReceived)
                .build();
    }

    void webhookRegistered(WebhookRegistered registered) {
        webhooks.registered(registered.projectId());
    }

    void webhookRegistrationFailed(WebhookRegistrationFailed failed) {
        webhooks.failed(failed.projectId(), failed.reason());
    }

    void gitPushReceived(GitPushReceived push) {
        pushes.pushed(push.deliveryId(), push.projectId(), push.repository(), push.branch(), push.commitSha(),
                push.commitMessage());
    }
}
