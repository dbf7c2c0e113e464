package dev.paas.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import io.nats.client.Dispatcher;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host sampler reads the real {@code /proc}; an administrator's threshold decides whether the host admits new
 * deployments, and each flip is published once as {@code HostCapacityChanged}.
 */
@ServiceComponentTest(database = "paas_metrics_test", properties = {"paas.metrics.capacity.interval=500ms",
        "paas.metrics.capacity.confirm-samples=2"})
class AdminCapacityIT extends SecuredComponentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();

    private final EventBus bus = EventBus.shared();
    private final List<EventEnvelope> published = new CopyOnWriteArrayList<>();
    private final UUID admin = UUID.randomUUID();
    private Dispatcher dispatcher;

    @BeforeEach
    void listenAndStartAdmitting() {
        dispatcher = bus.client().createDispatcher(message -> published.add(CODEC.fromBytes(message.getData())));
        dispatcher.subscribe("paas.metrics.host-capacity-changed.v1");
        assertThat(putThreshold(100).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> capacity().path("admitting").asBoolean());
    }

    @AfterEach
    void restoreTheDefaultThreshold() {
        putThreshold(85);
        bus.client().closeDispatcher(dispatcher);
    }

    @Test
    void samplesTheRealHost() throws Exception {
        JsonNode view = capacity();

        long memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
        assertThat(view.path("host").asString()).isNotBlank();
        assertThat(view.path("cpuCores").asInt()).isPositive();
        assertThat(view.path("memoryTotalBytes").asLong()).isEqualTo(memTotal);
        assertThat(view.path("memoryUsedBytes").asLong()).isBetween(1L, memTotal);
        assertThat(view.path("diskTotalBytes").asLong()).isPositive();
        assertThat(view.path("diskUsedBytes").asLong()).isBetween(1L, view.path("diskTotalBytes").asLong());
        assertThat(view.path("cpuPercent").asDouble()).isBetween(0.0, 100.0);
        assertThat(view.path("thresholdPercent").asDouble()).isEqualTo(100.0);
        assertThat(view.has("runningContainers")).isTrue();
    }

    @Test
    void publishesAFlipEachWayWhenTheThresholdIsCrossed() {
        String host = capacity().path("host").asString();
        published.clear();

        HttpResponse<String> closed = putThreshold(1);
        assertThat(closed.statusCode()).isEqualTo(200);
        JsonNode held = read(closed.body());
        assertThat(held.path("admitting").asBoolean()).isFalse();
        assertThat(held.path("reason").asString()).matches("(cpu|memory|disk) \\d+ % of host");
        EventEnvelope stopped = await().atMost(Duration.ofSeconds(20)).until(() -> flip(host, false), e -> e != null);
        assertThat(stopped.payload().path("thresholdPercent").asDouble()).isEqualTo(1.0);
        assertThat(stopped.payload().path("reason").asString()).isEqualTo(held.path("reason").asString());
        assertThat(capacity().path("admitting").asBoolean()).isFalse();

        assertThat(read(putThreshold(100).body()).path("admitting").asBoolean()).isTrue();
        EventEnvelope admitting = await().atMost(Duration.ofSeconds(20)).until(() -> flip(host, true),
                e -> e != null);
        assertThat(admitting.payload().path("reason").isNull()).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                published.stream().filter(e -> host.equals(e.aggregateId())).count() == 2);
    }

    @Test
    void listsDeploymentsRequestedButNotStartedWithWhatTheyWaitFor() throws Exception {
        UUID deploymentId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        putThreshold(1);
        bus.publish(new DeploymentRequested(deploymentId, projectId, "shop", "https://example.test/shop.git",
                "main", UUID.randomUUID()));

        JsonNode queued = await().atMost(Duration.ofSeconds(20)).until(() -> queued(deploymentId), q -> q != null);
        assertThat(queued.path("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(queued.path("waitingFor").asString()).startsWith("waiting for capacity: ");

        bus.publish(new BuildStarted(deploymentId, projectId, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(20)).until(() -> queued(deploymentId) == null);
    }

    @Test
    void refusesNonAdministratorsAndThresholdsOutOfRange() {
        UUID user = UUID.randomUUID();
        assertThat(get("/api/v1/admin/capacity", user).statusCode()).isEqualTo(403);
        assertThat(ServiceCalls.on(port).send("PUT", "/api/v1/admin/capacity/threshold", body(Map.of("percent", 1)),
                tokens.user(user)).statusCode()).isEqualTo(403);

        for (Object percent : new Object[] {0, 101, -5, "many"}) {
            HttpResponse<String> refused = putThreshold(percent);
            assertThat(refused.statusCode()).as("percent %s", percent).isEqualTo(400);
        }
        HttpResponse<String> missing = ServiceCalls.on(port).send("PUT", "/api/v1/admin/capacity/threshold", "{}",
                tokens.admin(admin));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("percent");
        assertThat(capacity().path("thresholdPercent").asDouble()).isEqualTo(100.0);
    }

    private EventEnvelope flip(String host, boolean admitting) {
        return published.stream()
                .filter(e -> host.equals(e.aggregateId()) && e.payload().path("admitting").asBoolean() == admitting)
                .findFirst().orElse(null);
    }

    private JsonNode queued(UUID deploymentId) {
        for (JsonNode entry : capacity().path("queuedDeployments")) {
            if (entry.path("deploymentId").asString().equals(deploymentId.toString())) {
                return entry;
            }
        }
        return null;
    }

    private JsonNode capacity() {
        HttpResponse<String> response = get("/api/v1/admin/capacity", tokens.admin(admin));
        assertThat(response.statusCode()).isEqualTo(200);
        return read(response.body());
    }

    private HttpResponse<String> putThreshold(Object percent) {
        return ServiceCalls.on(port).send("PUT", "/api/v1/admin/capacity/threshold", body(Map.of("percent", percent)),
                tokens.admin(admin));
    }

    private static String body(Map<String, Object> fields) {
        return JSON.writeValueAsString(fields);
    }

    private static JsonNode read(String body) {
        return JSON.readTree(body);
    }
}
