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
 * the gateway accepted ({@code paas.webhook}).
 */
@Configuration(proxyBeanMethods = false)
class GitHubEventListeners {

    @Bean
    Consumer<Message<byte[]>> identityEvents(EventSubscriptions subscriptions, ProjectWebhooks webhooks) {
        return subscriptions.consumer("project-service")
                .on(WebhookRegistered.class, event -> webhooks.registered(event.projectId()))
                .on(WebhookRegistrationFailed.class, event -> webhooks.failed(event.projectId(), event.reason()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> webhookEvents(EventSubscriptions subscriptions, PushDeployments pushes) {
        return subscriptions.consumer("project-service")
                .on(GitPushReceived.class, pushes::on)
                .build();
    }
}
