package dev.paas.identity.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.identity.GitHubTokenChanged;
import dev.paas.identity.github.GitHubTokenEvents;
import dev.paas.messaging.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

/** A changed GitHub token leaves identity-service sealed, as the golden contract says. */
class GitHubTokenEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final GitHubTokenEventsPublisher publisher = new GitHubTokenEventsPublisher(outbox);

    @Test
    void publishesGitHubTokenChangedWithTheSealedToken() {
        publisher.on(new GitHubTokenEvents.Changed(OWNER, "octocat", GoldenEvents.SEALED_CLONE_TOKEN));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(GitHubTokenChanged.class));
    }
}
