package dev.paas.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.EventCatalog;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.golden.GoldenEvents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each event contract against its golden envelope ({@link GoldenEvents}): the codec must write every sample as its
 * file says and read every file back as its sample, so a field rename or removal fails here before it reaches the
 * wire. The consumers' listener tests feed the same files to their listeners.
 */
class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();

    static List<IntegrationEvent> samples() {
        return GoldenEvents.samples();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void producerWritesTheGoldenEnvelope(IntegrationEvent event) {
        EventEnvelope written = codec.fromBytes(codec.toBytes(codec.envelope(event, null)));
        EventEnvelope golden = codec.fromBytes(GoldenEvents.envelope(event.getClass()));

        assertThat(asWritten(written.payload())).isEqualTo(golden.payload());
        assertThat(written.type()).isEqualTo(golden.type());
        assertThat(written.version()).isEqualTo(golden.version());
        assertThat(written.aggregateId()).isEqualTo(golden.aggregateId());
        assertThat(written.subject()).isEqualTo(IntegrationEvent.subjectOf(event.getClass()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void consumerReadsTheGoldenEnvelope(IntegrationEvent event) {
        EventEnvelope golden = codec.fromBytes(GoldenEvents.envelope(event.getClass()));

        assertThat(codec.payloadOf(golden)).contains(event);
        assertThat(golden.traceparent()).isNotBlank();
        assertThat(golden.occurredAt()).isNotNull();
    }

    @Test
    void consumersIgnoreFieldsAddedLater() {
        EventEnvelope golden = codec.fromBytes(GoldenEvents.envelope(BuildStarted.class));
        JsonNode grown = ((ObjectNode) golden.payload().deepCopy()).put("queuePosition", 3);
        EventEnvelope envelope = new EventEnvelope(golden.id(), golden.type(), golden.version(), golden.occurredAt(),
                golden.aggregateId(), null, grown);

        assertThat(codec.read(envelope, BuildStarted.class)).isEqualTo(GoldenEvents.sample(BuildStarted.class));
    }

    @Test
    void aDeploymentRequestFromBeforeCommitsAndBuildSettingsStillReads() {
        DeploymentRequested golden = GoldenEvents.sample(DeploymentRequested.class);

        DeploymentRequested older = codec.read(without(DeploymentRequested.class, "commitSha", "buildSettings"),
                DeploymentRequested.class);

        assertThat(older).isEqualTo(new DeploymentRequested(golden.deploymentId(), golden.projectId(),
                golden.projectSlug(), golden.repoUrl(), golden.branch(), golden.ownerId()));
        assertThat(older.commitSha()).isNull();
        assertThat(older.buildSettings()).isNull();
    }

    @Test
    void buildResultsFromBeforeCommitAuthorsStillRead() {
        ImageBuilt built = GoldenEvents.sample(ImageBuilt.class);
        BuildFailed failed = GoldenEvents.sample(BuildFailed.class);

        assertThat(codec.read(without(ImageBuilt.class, "commitAuthor"), ImageBuilt.class)).isEqualTo(
                new ImageBuilt(built.deploymentId(), built.projectId(), built.projectSlug(), built.imageTag(),
                        built.stack(), built.commitSha(), built.commitMessage(), built.port(), built.ownerId()));
        assertThat(codec.read(without(BuildFailed.class, "commitAuthor"), BuildFailed.class)).isEqualTo(
                new BuildFailed(failed.deploymentId(), failed.projectId(), failed.reason(), failed.stack(),
                        failed.commitSha(), failed.commitMessage(), failed.ownerId()));
    }

    @Test
    void everyCatalogedEventHasAGoldenEnvelopeAndSubjectsFollowTheScheme() {
        List<Class<?>> sampled = samples().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventCatalog.ALL);
        for (Class<? extends IntegrationEvent> type : EventCatalog.ALL) {
            assertThat(IntegrationEvent.subjectOf(type)).matches("paas\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(type.getSimpleName()).doesNotEndWith("Event");
        }
    }

    /** The golden envelope of {@code type} as an older producer wrote it, without {@code fields}. */
    private EventEnvelope without(Class<? extends IntegrationEvent> type, String... fields) {
        EventEnvelope golden = codec.fromBytes(GoldenEvents.envelope(type));
        ObjectNode older = (ObjectNode) golden.payload().deepCopy();
        for (String field : fields) {
            older.remove(field);
        }
        return new EventEnvelope(golden.id(), golden.type(), golden.version(), golden.occurredAt(),
                golden.aggregateId(), null, older);
    }

    /** The tree as a consumer reads it back from the wire. */
    private static JsonNode asWritten(JsonNode tree) {
        return JSON.readTree(JSON.writeValueAsString(tree));
    }
}
