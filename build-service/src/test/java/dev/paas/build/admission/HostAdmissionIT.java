package dev.paas.build.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.build.TestRepositories;
import dev.paas.build.builds.Admission;
import dev.paas.build.image.DockerImages;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.metrics.HostCapacityChanged;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import io.nats.client.Dispatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Admission control against the real PostgreSQL, a JetStream server of the test's own and the Docker engine: while
 * metrics-service reports the host full, a requested deployment's build stays QUEUED and says why; once the host
 * admits again it builds by itself. Polling and heartbeat are set an hour and minutes apart, so the build starts in
 * time only because the report of capacity wakes the worker.
 */
@ServiceComponentTest(database = "paas_build_test", properties = {
    "paas.messaging.outbox.poll-interval=200ms",
    "paas.build.poll-interval=1h",
    "paas.build.lease=10m"
})
@ActiveProfiles("local")
class HostAdmissionIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final List<EventEnvelope> BUILD_EVENTS = new CopyOnWriteArrayList<>();
    private static final UUID OWNER = UUID.randomUUID();
    private static EventBus bus;

    @TempDir
    static Path workDirectory;

    @TempDir
    Path repository;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DockerImages images;

    @Autowired
    Admission admission;

    private final String host = "it-host-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.start();
        Dispatcher dispatcher = bus.client()
                .createDispatcher(message -> BUILD_EVENTS.add(CODEC.fromBytes(message.getData())));
        dispatcher.subscribe("paas.build.>");
        TestTokens.registerWith(registry);
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
        registry.add("paas.build.work-dir", () -> workDirectory.toString());
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    /**
     * The table is shared with other test classes: a held host must not hold their builds back, not even one a run
     * that was killed left behind.
     */
    @AfterEach
    void forgetTheTestHosts() {
        jdbc.update("delete from host_admission where host like 'it-host-%'");
    }

    @Test
    void holdsQueuedBuildsWhileTheHostIsFullAndBuildsThemWhenItAdmitsAgain() throws Exception {
        TestRepositories.commitSample("static-site", repository);
        publish(new HostCapacityChanged(host, false, 12.0, 91.2, 40.0, 85.0, "memory 91 % of host"));
        await().atMost(Duration.ofSeconds(20)).until(() -> admission.waitingFor().isPresent());
        DeploymentRequested requested = new DeploymentRequested(UUID.randomUUID(), UUID.randomUUID(), "it-held",
                repository.toUri().toString(), "main", OWNER);

        publish(requested);

        await().atMost(Duration.ofSeconds(20)).until(() -> build(requested.deploymentId()) != null);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                assertThat(build(requested.deploymentId())).containsEntry("status", "QUEUED")
                        .containsEntry("waitingFor", "waiting for capacity: memory 91 % of host"));
        assertThat(eventsOf(BuildStarted.class, requested.deploymentId())).isEmpty();

        publish(new HostCapacityChanged(host, true, 10.0, 60.0, 40.0, 85.0, null));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !eventsOf(ImageBuilt.class, requested.deploymentId()).isEmpty());
        Map<String, Object> built = build(requested.deploymentId());
        assertThat(built).containsEntry("status", "SUCCEEDED");
        assertThat(built.get("waitingFor")).isNull();
        images.remove("paas-app/it-held:" + requested.deploymentId());
    }

    @Test
    void anOlderReportDoesNotOverrideANewerOne() throws Exception {
        EventEnvelope newer = CODEC.envelope(new HostCapacityChanged(host, true, 1, 2, 3, 85, null), null);
        EventEnvelope older = new EventEnvelope(UUID.randomUUID(), newer.type(), newer.version(),
                newer.occurredAt().minusSeconds(60), host, null,
                CODEC.envelope(new HostCapacityChanged(host, false, 1, 95, 3, 85, "memory 95 % of host"), null)
                        .payload());
        bus.republish(newer);
        await().atMost(Duration.ofSeconds(20)).until(() -> admittingOf(host) != null);

        bus.republish(older);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Boolean.TRUE.equals(admittingOf(host)));
        assertThat(admission.waitingFor()).isEmpty();
    }

    private Boolean admittingOf(String name) {
        return jdbc.query("select admitting from host_admission where host = ?",
                (rs, i) -> rs.getBoolean("admitting"), name).stream().findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> build(UUID id) {
        return api().get().uri("/api/v1/builds/{id}", id).exchange((request, response) ->
                response.getStatusCode().value() == 200 ? response.bodyTo(Map.class) : null);
    }

    private static void publish(IntegrationEvent event) throws Exception {
        bus.publish(event);
    }

    private static <T extends IntegrationEvent> List<T> eventsOf(Class<T> type, UUID deploymentId) {
        return BUILD_EVENTS.stream()
                .filter(envelope -> envelope.aggregateId().equals(deploymentId.toString()))
                .map(CODEC::payloadOf)
                .flatMap(java.util.Optional::stream)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(TestTokens.shared().user(OWNER))).build();
    }
}
