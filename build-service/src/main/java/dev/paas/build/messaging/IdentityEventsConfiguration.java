package dev.paas.build.messaging;

import dev.paas.build.source.CloneTokens;
import dev.paas.contracts.identity.GitHubTokenChanged;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code identityEvents-in-0} binding ({@code paas.identity}, group {@code build-service-identity}): an owner's
 * GitHub token, sealed for build-service, is kept for cloning their private repositories. Other identity events are
 * ignored.
 */
@Configuration(proxyBeanMethods = false)
class IdentityEventsConfiguration {

    private final CloneTokens tokens;

    IdentityEventsConfiguration(CloneTokens tokens) {
        this.tokens = tokens;
    }

    @Bean
    Consumer<Message<byte[]>> identityEvents(EventSubscriptions subscriptions) {
        return subscriptions.consumer(ProjectEventsConfiguration.CONSUMER)
                .on(GitHubTokenChanged.class, this::gitHubTokenChanged)
                .build();
    }

    void gitHubTokenChanged(GitHubTokenChanged changed, EventEnvelope envelope) {
        tokens.changed(changed.ownerId(), changed.githubLogin(), changed.sealedToken(), envelope.occurredAt());
    }
}
