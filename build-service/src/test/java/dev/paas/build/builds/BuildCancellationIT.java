package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildCancelled;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Cancelling and superseding queued builds on an API-only instance ({@code paas.build.worker.enabled=false}), so
 * nothing claims the builds while the test looks at them; the real PostgreSQL and a JetStream server of its own.
 */
@ServiceComponentTest(database = "paas_build_test", properties = {
    "paas.messaging.outbox.poll-interval=200ms",
    "paas.build.worker.enabled=false"
})
@ActiveProfiles("local")
class BuildCancellationIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final List<EventEnvelope> BUILD_EVENTS = new CopyOnWriteArrayList<>();
    private static final UUID OWNER = UUID.randomUUID();
    private static EventBus bus;

    @LocalServerPort
    int port;

    @Autowired
    BuildQueue queue;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.start();
        Connection nats = bus.client();
        Dispatcher dispatcher = nats.createDispatcher(message -> BUILD_EVENTS.add(CODEC.fromBytes(message.getData())));
        dispatcher.subscribe("paas.build.>");
        TestTokens.registerWith(registry);
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void onlyTheNewestQueuedBuildOfAProjectWaits() {
        UUID project = UUID.randomUUID();
        UUID first = enqueue(project);
        UUID second = enqueue(project);
        UUID other = enqueue(UUID.randomUUID());
        UUID third = enqueue(project);

        assertThat(statusOf(first)).containsEntry("status", "CANCELLED")
                .containsEntry("error", "superseded by deployment " + second);
        assertThat(statusOf(second)).containsEntry("status", "CANCELLED")
                .containsEntry("error", "superseded by deployment " + third);
        assertThat(statusOf(third)).containsEntry("status", "QUEUED");
        assertThat(statusOf(other)).as("another project's build").containsEntry("status", "QUEUED");
        assertThat(awaitCancelled(first)).isEqualTo(new BuildCancelled(first, project,
                "superseded by deployment " + second, OWNER));
        assertThat(awaitCancelled(second).reason()).isEqualTo("superseded by deployment " + third);
    }

    @Test
    void aRunningBuildIsNotSuperseded() {
        UUID project = UUID.randomUUID();
        UUID running = enqueue(project);
        jdbc.update("update builds set status = 'RUNNING', attempts = 1 where id = ?", running);

        UUID next = enqueue(project);

        assertThat(statusOf(running)).containsEntry("status", "RUNNING");
        assertThat(statusOf(next)).containsEntry("status", "QUEUED");
    }

    @Test
    void theOwnerCancelsAQueuedBuildOnceAndThenGets409() {
        UUID id = enqueue(UUID.randomUUID());

        ResponseEntity<Map> cancelled = cancel(id, TestTokens.shared().user(OWNER));
        ResponseEntity<Map> again = cancel(id, TestTokens.shared().user(OWNER));

        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(cancelled.getBody()).containsEntry("status", "CANCELLED").containsEntry("error",
                "cancelled by its owner");
        assertThat(awaitCancelled(id).reason()).isEqualTo("cancelled by its owner");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(again.getBody()).containsEntry("detail",
                "build " + id + " cannot be cancelled: it is already CANCELLED (cancelled by its owner)");
    }

    @Test
    void aRunningBuildRecordsTheRequestFor202AndItsWorker() {
        UUID id = enqueue(UUID.randomUUID());
        jdbc.update("update builds set status = 'RUNNING', attempts = 1 where id = ?", id);

        ResponseEntity<Map> accepted = cancel(id, TestTokens.shared().user(OWNER));

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        assertThat(accepted.getBody()).containsEntry("status", "RUNNING").containsEntry("cancelRequested", true);
        assertThat(queue.cancelRequests(List.of(id))).containsEntry(id, "cancelled by its owner");
    }

    @Test
    void someoneElsesOrAnUnknownBuildIsNotFoundAndAnAdministratorMayCancelAny() {
        UUID id = enqueue(UUID.randomUUID());

        ResponseEntity<Map> stranger = cancel(id, TestTokens.shared().user(UUID.randomUUID()));
        ResponseEntity<Map> unknown = cancel(UUID.randomUUID(), TestTokens.shared().user(OWNER));
        assertThat(stranger.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(statusOf(id)).containsEntry("status", "QUEUED");

        ResponseEntity<Map> byAdmin = cancel(id, TestTokens.shared().admin(UUID.randomUUID()));
        assertThat(byAdmin.getStatusCode().value()).isEqualTo(200);
        assertThat(byAdmin.getBody()).containsEntry("error", "cancelled by an administrator");
    }

    private UUID enqueue(UUID project) {
        UUID id = UUID.randomUUID();
        queue.enqueue(id, project, OWNER, "it-cancel", "https://github.com/acme/shop.git", "main");
        return id;
    }

    private Map<String, Object> statusOf(UUID id) {
        return jdbc.queryForMap("select status, error from builds where id = ?", id);
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> cancel(UUID id, String token) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build().post()
                .uri("/api/v1/deployments/{id}/cancel", id)
                .header("Authorization", TestTokens.bearer(token))
                .retrieve().onStatus(status -> true, (request, reply) -> { })
                .toEntity(Map.class);
    }

    private static BuildCancelled awaitCancelled(UUID id) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
                () -> BUILD_EVENTS.stream().filter(envelope -> envelope.aggregateId().equals(id.toString()))
                        .map(CODEC::payloadOf).flatMap(java.util.Optional::stream)
                        .filter(BuildCancelled.class::isInstance).map(BuildCancelled.class::cast)
                        .findFirst().orElse(null), event -> event != null);
    }
}
