package dev.paas.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.EventCatalog;
import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.contracts.webhook.GitPushReceived;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each event contract against its golden JSON ({@code golden/<type>.v<version>.json}): producers must serialize to
 * it and consumers must read it, so a field rename or removal fails here before it reaches the wire.
 */
class EventContractsTest {

    private static final UUID DEPLOYMENT = UUID.fromString("0192f0c4-7a10-7000-8000-000000000001");
    private static final UUID PROJECT = UUID.fromString("0192f0c4-7a10-7000-8000-000000000002");
    private static final UUID OWNER = UUID.fromString("0192f0c4-7a10-7000-8000-000000000003");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();

    static Stream<IntegrationEvent> samples() {
        return Stream.of(
                new ProjectCreated(PROJECT, "shop", OWNER, "https://github.com/acme/shop.git", "main", "acme/shop"),
                new DeploymentRequested(DEPLOYMENT, PROJECT, "shop", "https://github.com/acme/shop.git", "main",
                        OWNER),
                new BuildStarted(DEPLOYMENT, PROJECT, OWNER),
                new ImageBuilt(DEPLOYMENT, PROJECT, "shop", "paas-app/shop:" + DEPLOYMENT, "node",
                        "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", 3000, OWNER),
                new BuildFailed(DEPLOYMENT, PROJECT, "branch 'release' not found in https://github.com/acme/shop.git",
                        null, null, null, OWNER),
                new ContainerStarted(DEPLOYMENT, PROJECT, "4f1c0e2b9a7d", 536_870_912L, 500_000_000L, OWNER),
                new ContainerHealthy(DEPLOYMENT, PROJECT, "4f1c0e2b9a7d", "http://shop.paas.localhost"),
                new ContainerStopped(DEPLOYMENT, PROJECT, "4f1c0e2b9a7d", "replaced by deployment 0192f0c4"),
                new DeploymentFailed(DEPLOYMENT, PROJECT, "app did not answer HTTP on port 3000 within 60 s"),
                new GitPushReceived("72d3162e-cc78-11e3-81ab-4c9367dc0958", PROJECT, "acme/shop", "main",
                        "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", "octocat"),
                new WebhookRegistered(PROJECT, "acme/shop", 12_345_678L),
                new WebhookRegistrationFailed(PROJECT, "acme/shop",
                        "the owner has no linked GitHub account; link it and recreate the webhook"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void producerSerializesToTheGoldenFile(IntegrationEvent event) throws IOException {
        EventEnvelope envelope = codec.envelope(event, null);

        assertThat(asWritten(envelope.payload())).isEqualTo(golden(event.getClass()));
        assertThat(envelope.subject()).isEqualTo(IntegrationEvent.subjectOf(event.getClass()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void consumerReadsTheGoldenFile(IntegrationEvent event) throws IOException {
        EventEnvelope envelope = codec.envelope(event, null);
        EventEnvelope fromGolden = new EventEnvelope(envelope.id(), envelope.type(), envelope.version(),
                envelope.occurredAt(), envelope.aggregateId(), null, golden(event.getClass()));

        assertThat(codec.payloadOf(fromGolden)).contains(event);
    }

    @Test
    void consumersIgnoreFieldsAddedLater() throws IOException {
        JsonNode grown = ((tools.jackson.databind.node.ObjectNode) golden(BuildStarted.class).deepCopy())
                .put("queuePosition", 3);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "build.build-started", 1,
                java.time.Instant.now(), DEPLOYMENT.toString(), null, grown);

        assertThat(codec.read(envelope, BuildStarted.class)).isEqualTo(new BuildStarted(DEPLOYMENT, PROJECT, OWNER));
    }

    @Test
    void everyCatalogedEventHasASampleAndSubjectsFollowTheScheme() {
        List<Class<?>> sampled = samples().<Class<?>>map(Object::getClass).toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventCatalog.ALL);
        for (Class<? extends IntegrationEvent> type : EventCatalog.ALL) {
            assertThat(IntegrationEvent.subjectOf(type)).matches("paas\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(type.getSimpleName()).doesNotEndWith("Event");
        }
    }

    /** The tree as a consumer reads it back from the wire. */
    private static JsonNode asWritten(JsonNode tree) {
        return JSON.readTree(JSON.writeValueAsString(tree));
    }

    private static JsonNode golden(Class<? extends IntegrationEvent> type) throws IOException {
        EventType eventType = IntegrationEvent.typeOf(type);
        String file = "/golden/" + eventType.name() + ".v" + eventType.version() + ".json";
        try (InputStream in = EventContractsTest.class.getResourceAsStream(file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
