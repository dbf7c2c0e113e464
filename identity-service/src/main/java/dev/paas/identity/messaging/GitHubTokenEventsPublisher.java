package dev.paas.identity.messaging;

import dev.paas.contracts.identity.GitHubTokenChanged;
import dev.paas.identity.github.GitHubTokenEvents;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a changed GitHub token (already sealed for build-service) into {@code GitHubTokenChanged}. It listens
 * synchronously, so the outbox row is written in the transaction that stored the token: both commit, or neither does.
 */
@Component
class GitHubTokenEventsPublisher {

    private final Outbox outbox;

    GitHubTokenEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(GitHubTokenEvents.Changed changed) {
        outbox.append(new GitHubTokenChanged(changed.ownerId(), changed.githubLogin(), changed.sealedToken()));
    }
}
