package dev.paas.build.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.SEALED_CLONE_TOKEN;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.paas.build.source.CloneTokens;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.identity.GitHubTokenChanged;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import org.junit.jupiter.api.Test;

class IdentityEventsConfigurationTest {

    private final EventCodec codec = new EventCodec();
    private final CloneTokens tokens = mock(CloneTokens.class);
    private final IdentityEventsConfiguration listener = new IdentityEventsConfiguration(tokens);

    @Test
    void keepsTheSealedTokenOfTheGoldenGitHubTokenChanged() {
        EventEnvelope envelope = codec.fromBytes(GoldenEvents.envelope(GitHubTokenChanged.class));

        listener.gitHubTokenChanged(codec.read(envelope, GitHubTokenChanged.class), envelope);

        verify(tokens).changed(OWNER, "octocat", SEALED_CLONE_TOKEN, envelope.occurredAt());
    }
}
