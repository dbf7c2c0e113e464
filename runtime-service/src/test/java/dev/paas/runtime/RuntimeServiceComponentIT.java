package dev.paas.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.runtime.ingress.CaddyFailures;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestImages;
import dev.paas.tokens.testing.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.testing.EventBus;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as other services see it: an {@code ImageBuilt} envelope published on JetStream comes back as
 * {@code ContainerStarted} and {@code ContainerHealthy} on {@code paas.runtime.>}, and the REST API reports the
 * running container.
 */
class RuntimeServiceComponentIT extends RuntimeIntegrationSupport {

    private static Connection nats;
    private static final List<EventEnvelope> published = new CopyOnWriteArrayList<>();

    @Autowired
    EventCodec codec;

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Autowired
    RetryRegistry retries;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final UUID projectId = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final String slug = "ct-" + projectId.toString().substring(0, 8);

    @BeforeAll
    static void listenToRuntimeEvents() throws Exception {
        nats = EventBus.shared().client();
        EventCodec reader = new EventCodec();
        Dispatcher dispatcher = nats.createDispatcher(message -> published.add(reader.fromBytes(message.getData())));
        dispatcher.subscribe("paas.runtime.>");
        nats.flush(Duration.ofSeconds(5));
    }

    @AfterEach
    void removeContainers() {
        forgetApp(projectId);
    }

    @Test
    void answersImageBuiltWithContainerStartedThenContainerHealthy() throws Exception {
        UUID deploymentId = UUID.randomUUID();
        ImageBuilt image = new ImageBuilt(deploymentId, projectId, slug, TestImages.APP, "node", "abc123",
                "first commit", 3000, owner);
        byte[] envelope = codec.toBytes(codec.envelope(image, null));

        nats.jetStream().publish(IntegrationEvent.subjectOf(ImageBuilt.class), envelope);

        ContainerHealthy healthy = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50))
                .until(() -> eventOf(deploymentId, ContainerHealthy.class).orElse(null), event -> event != null);
        ContainerStarted started = eventOf(deploymentId, ContainerStarted.class).orElseThrow();
        assertThat(started.memoryBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(started.nanoCpus()).isEqualTo(500_000_000L);
        assertThat(started.ownerId()).isEqualTo(owner);
        assertThat(healthy.containerId()).isEqualTo(started.containerId());
        assertThat(healthy.url()).isEqualTo("http://" + slug + ".paas.localhost:" + caddy().httpPort());
        assertThat(caddy().get(slug + ".paas.localhost").body())
                .isEqualTo("hello from " + healthy.containerId().substring(0, 12));

        JsonNode runtime = getJson("/api/v1/deployments/" + deploymentId + "/runtime", 200);
        assertThat(runtime.path("status").asString()).isEqualTo("RUNNING");
        assertThat(runtime.path("containerId").asString()).isEqualTo(healthy.containerId());
        assertThat(runtime.path("url").asString()).isEqualTo(healthy.url());
        assertThat(runtime.path("hostPort").asInt()).isPositive();
        assertThat(runtime.path("error").isNull()).isTrue();
        JsonNode containers = getJson("/api/v1/projects/" + projectId + "/containers", 200);
        assertThat(containers).hasSize(1);
        assertThat(containers.path(0).path("state").asString()).isEqualTo("running");
        assertThat(containers.path(0).path("status").asString()).isEqualTo("RUNNING");

        // the same event again, and the same fact under a new event id: neither starts anything
        nats.jetStream().publish(IntegrationEvent.subjectOf(ImageBuilt.class), envelope);
        nats.jetStream().publish(IntegrationEvent.subjectOf(ImageBuilt.class),
                codec.toBytes(codec.envelope(image, null)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> TestDocker.containersLabelled("paas.project", projectId.toString()).size() == 1
                        && count(deploymentId, ContainerStarted.class) == 1);
    }

    @Test
    void answersUnknownDeploymentsWithProblemDetails() throws Exception {
        UUID unknown = UUID.randomUUID();

        JsonNode problem = getJson("/api/v1/deployments/" + unknown + "/runtime", 404);

        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asString()).contains(unknown.toString());
        assertThat(getJson("/api/v1/projects/" + UUID.randomUUID() + "/containers", 404).path("status").asInt())
                .isEqualTo(404);
        assertThat(getJson("/api/v1/deployments/not-a-uuid/runtime", 400).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void exposesProbesAndMetrics() throws Exception {
        assertThat(getJson("/actuator/health/readiness", 200, null).path("status").asString()).isEqualTo("UP");
        assertThat(getJson("/actuator/health/liveness", 200, null).path("status").asString()).isEqualTo("UP");
        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("paas_runtime_start_to_healthy_seconds")
                .contains("resilience4j_circuitbreaker_state");
        assertThat(get("/v3/api-docs", null).body()).contains("/api/v1/deployments/{id}/runtime");
    }

    @Test
    void takesResilienceSettingsFromConfiguration() {
        assertThat(timeLimiters.timeLimiter("docker").getTimeLimiterConfig().getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(timeLimiters.timeLimiter("caddy").getTimeLimiterConfig().getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(retries.retry("caddy").getRetryConfig().getMaxAttempts()).isEqualTo(3);
        assertThat(retries.retry("caddy").getRetryConfig().getExceptionPredicate()
                .test(CaddyFailures.refusal())).as("a refusal is not retried").isFalse();
        assertThat(retries.retry("caddy").getRetryConfig().getExceptionPredicate()
                .test(CaddyFailures.unavailability())).as("an outage is retried").isTrue();
        assertThat(retries.retry("docker").getRetryConfig().getExceptionPredicate()
                .test(new NotFoundException("gone"))).as("a missing container is not retried").isFalse();
        assertThat(breakers.circuitBreaker("caddy").getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(breakers.circuitBreaker("docker").getCircuitBreakerConfig().getRecordExceptionPredicate()
                .test(new NotFoundException("gone"))).as("a missing container is no failure of the engine").isFalse();
    }

    private <T> Optional<T> eventOf(UUID deploymentId, Class<T> type) {
        return published.stream()
                .filter(envelope -> envelope.aggregateId().equals(deploymentId.toString()))
                .map(envelope -> codec.payloadOf(envelope).orElse(null))
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    private long count(UUID deploymentId, Class<?> type) {
        return published.stream()
                .filter(envelope -> envelope.aggregateId().equals(deploymentId.toString()))
                .map(envelope -> codec.payloadOf(envelope).orElse(null))
                .filter(type::isInstance)
                .count();
    }

    private JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        return getJson(path, expectedStatus, TestTokens.shared().user(owner));
    }

    private JsonNode getJson(String path, int expectedStatus, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as("%s answered %s", path, response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
