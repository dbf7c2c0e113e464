package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.project.deployments.DeploymentEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A queued deployment becomes {@code DeploymentRequested} exactly as the platform's golden envelope says. */
class DeploymentEventsPublisherTest {

    private final EventCodec codec = new EventCodec();
    private final List<IntegrationEvent> appended = new ArrayList<>();
    private final DeploymentEventsPublisher publisher = new DeploymentEventsPublisher(new Outbox(null, null, null) {
        @Override
        public EventEnvelope append(IntegrationEvent event) {
            appended.add(event);
            return null;
        }
    });

    @Test
    void publishesDeploymentRequestedWithTheProjectsRepositoryAndBranch() {
        publisher.on(new DeploymentEvents.Requested(DEPLOYMENT, PROJECT, "shop", "https://github.com/acme/shop.git",
                "main", OWNER));

        assertThat(appended).containsExactly(GoldenEvents.sample(DeploymentRequested.class));
        assertThat(JsonMapper.builder().build().readTree(codec.toJson(appended.getFirst())))
                .isEqualTo(codec.fromBytes(GoldenEvents.envelope(DeploymentRequested.class)).payload());
    }
}
