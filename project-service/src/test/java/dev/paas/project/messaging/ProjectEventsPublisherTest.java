package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.project.projects.ProjectEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A registered project becomes {@code ProjectCreated} exactly as the platform's golden envelope says. */
class ProjectEventsPublisherTest {

    private final EventCodec codec = new EventCodec();
    private final List<IntegrationEvent> appended = new ArrayList<>();
    private final ProjectEventsPublisher publisher = new ProjectEventsPublisher(new Outbox(null, null, null) {
        @Override
        public EventEnvelope append(IntegrationEvent event) {
            appended.add(event);
            return null;
        }
    });

    @Test
    void publishesProjectCreatedWithTheRepositoryBranchAndGithubRepository() {
        publisher.on(new ProjectEvents.Registered(PROJECT, "shop", OWNER, "https://github.com/acme/shop.git", "main",
                "acme/shop"));

        assertThat(appended).containsExactly(GoldenEvents.sample(ProjectCreated.class));
        assertThat(JsonMapper.builder().build().readTree(codec.toJson(appended.getFirst())))
                .isEqualTo(codec.fromBytes(GoldenEvents.envelope(ProjectCreated.class)).payload());
    }
}
