package dev.paas.runtime.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.EnvironmentChanged;
import dev.paas.messaging.testing.RecordingOutbox;
import dev.paas.runtime.environment.EnvironmentEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change of a project's environment becomes {@code EnvironmentChanged} exactly as the golden envelope says. */
class EnvironmentEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final EnvironmentEventsPublisher publisher = new EnvironmentEventsPublisher(outbox);

    @Test
    void publishesTheKeysOfAChange() {
        publisher.on(new EnvironmentEvents.Changed(PROJECT, OWNER, OWNER, EnvironmentEvents.Action.SET,
                List.of("API_KEY", "DATABASE_URL")));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(EnvironmentChanged.class));
    }
}
