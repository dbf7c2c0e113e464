package dev.paas.runtime.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.HostConfig;
import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.runtime.rollout.Rollouts;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestImages;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing's plan limits and suspensions as runtime-service enforces them, from the events on {@code paas.billing}
 * to the REST API and Docker: scaling beyond the plan answers 403, the plan's memory and CPU become the containers'
 * limits, a smaller plan scales an app down, an older limits event changes nothing, a stack the plan does not allow
 * is not started, and a release arriving while the account is suspended waits for its reinstatement.
 */
@TestPropertySource(properties = {
    "paas.runtime.supervise-interval=200ms",
    "paas.runtime.health-timeout=20s",
    "paas.runtime.probe-interval=300ms",
    "paas.runtime.backoff-initial=100ms",
    "paas.runtime.backoff-max=400ms",
    "paas.runtime.drain-grace=5s"
})
class PlanLimitsIT extends RuntimeIntegrationSupport {

    private static final Duration SOON = Duration.ofSeconds(45);

    @Autowired
    Rollouts rollouts;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final UUID ownerId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final String slug = "pl-" + projectId.toString().substring(0, 8);

    @AfterEach
    void removeContainers() {
        forgetApp(projectId);
    }

    @Test
    void runsAppsWithinThePlanAndKeepsOnlyTheNewestLimits() throws Exception {
        EventEnvelope small = publishLimits("small", 250, 256, 2, List.of());
        UUID deploymentId = deploy();

        HostConfig limits = hostConfigOf(containers().getFirst());
        assertThat(limits.getMemory()).as("the plan's memory").isEqualTo(256L << 20);
        assertThat(limits.getNanoCPUs()).as("the plan's CPU").isEqualTo(250_000_000L);

        assertThat(post("/api/v1/projects/" + projectId + "/scale", Map.of("instances", 2)).statusCode())
                .isEqualTo(202);
        await().atMost(SOON).until(() -> containers().size() == 2);
        HttpResponse<String> tooMany = post("/api/v1/projects/" + projectId + "/scale", Map.of("instances", 3));
        assertThat(tooMany.statusCode()).isEqualTo(403);
        JsonNode problem = json.readTree(tooMany.body());
        assertThat(problem.path("title").asString()).isEqualTo("Quota exceeded");
        assertThat(problem.path("limit").asString()).isEqualTo("maxInstances");
        assertThat(problem.path("plan").asString()).isEqualTo("small");
        assertThat(problem.path("allowed").asInt()).isEqualTo(2);
        assertThat(problem.path("detail").asString())
                .isEqualTo("the small plan allows 2 instances per app; asked for 3");
        HttpResponse<String> tooMuch = patch("/api/v1/projects/" + projectId + "/runtime", Map.of("memoryMb", 1024));
        assertThat(tooMuch.statusCode()).isEqualTo(403);
        assertThat(json.readTree(tooMuch.body()).path("limit").asString()).isEqualTo("memoryMb");
        assertThat(jdbc.queryForObject("select memory_mb from apps where project_id = ?", Integer.class, projectId))
                .as("a refused setting changes nothing").isNull();

        // a downgrade to one instance scales the app down the way an owner does
        publishLimits("free", 500, 512, 1, List.of());
        await().atMost(SOON).until(() -> instances() == 1 && containers().size() == 1);

        // the "small" limits again, but from before the downgrade: nothing changes
        EventEnvelope older = new EventEnvelope(UUID.randomUUID(), small.type(), small.version(),
                small.occurredAt().minusSeconds(60), small.aggregateId(), null, small.payload());
        EventBus.shared().republish(older);
        await().atMost(SOON).until(() -> processed(older.id()));
        assertThat(jdbc.queryForObject("select plan_name from account_limits where user_id = ?", String.class,
                ownerId)).isEqualTo("free");
        assertThat(post("/api/v1/projects/" + projectId + "/scale", Map.of("instances", 2)).statusCode())
                .isEqualTo(403);
        assertThat(instances()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from releases where deployment_id = ?", String.class,
                deploymentId)).isEqualTo("RUNNING");
    }

    @Test
    void failsAReleaseOfAStackThePlanDoesNotAllow() throws Exception {
        publishLimits("static-only", 500, 512, 1, List.of("static"));
        UUID deploymentId = UUID.randomUUID();

        EventBus.shared().publish(new ImageBuilt(deploymentId, projectId, slug, TestImages.APP, "node", "abc123",
                "first commit", 3000, ownerId));

        String error = await().atMost(SOON).until(() -> jdbc.query(
                "select error from releases where deployment_id = ? and status = 'FAILED'",
                (rs, row) -> rs.getString(1), deploymentId).stream().findFirst().orElse(null), e -> e != null);
        assertThat(error).isEqualTo("the static-only plan does not allow the node runtime; it allows static");
        assertThat(containers()).isEmpty();
    }

    @Test
    void holdsAReleaseOfASuspendedAccountUntilItIsReinstated() throws Exception {
        // the account has no app yet when it is suspended
        EventBus.shared().publish(new AccountSuspended(ownerId, "-0.5000", "USD", "the balance stayed negative"));
        await().atMost(SOON).until(() -> Boolean.TRUE.equals(jdbc.query(
                "select suspended from account_standing where user_id = ?", (rs, row) -> rs.getBoolean(1), ownerId)
                .stream().findFirst().orElse(false)));
        UUID deploymentId = UUID.randomUUID();

        rollouts.schedule(deploymentId, projectId, ownerId, slug, TestImages.APP, 3000);

        await().atMost(SOON).until(() -> "SUSPENDED".equals(jdbc.query(
                "select desired from apps where project_id = ?", (rs, row) -> rs.getString(1), projectId)
                .stream().findFirst().orElse(null)));
        assertThat(jdbc.queryForObject("select desired_before from account_suspended_apps where project_id = ?",
                String.class, projectId)).isEqualTo("RUNNING");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> containers().isEmpty()
                && "PENDING".equals(releaseStatus(deploymentId)));
        HttpResponse<String> start = post("/api/v1/projects/" + projectId + "/start", Map.of());
        assertThat(start.statusCode()).isEqualTo(402);
        assertThat(json.readTree(start.body()).path("detail").asString()).contains("suspended").contains("top up");
        assertThat(post("/api/v1/projects/" + projectId + "/scale", Map.of("instances", 1)).statusCode())
                .isEqualTo(402);

        EventBus.shared().publish(new AccountReinstated(ownerId, "4.5000", "USD"));

        await().atMost(SOON).until(() -> "RUNNING".equals(releaseStatus(deploymentId)));
        await().atMost(SOON).ignoreExceptions().until(() -> caddy().get(slug + ".paas.localhost").status() == 200);
        assertThat(containers()).hasSize(1);
    }

    private EventEnvelope publishLimits(String plan, int cpuMillis, int memoryMb, int maxInstances,
            List<String> runtimes) throws Exception {
        EventEnvelope envelope = EventBus.shared().publish(new AccountLimitsChanged(ownerId, UUID.randomUUID(), plan,
                cpuMillis, memoryMb, 1024, maxInstances, 3, Map.of("postgresql", 1), 1024, runtimes));
        await().atMost(SOON).until(() -> processed(envelope.id()));
        return envelope;
    }

    private UUID deploy() {
        UUID deploymentId = UUID.randomUUID();
        rollouts.schedule(deploymentId, projectId, ownerId, slug, TestImages.APP, "node", 3000);
        await().atMost(SOON).until(() -> "RUNNING".equals(releaseStatus(deploymentId)));
        return deploymentId;
    }

    private boolean processed(UUID eventId) {
        return jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                eventId) == 1;
    }

    private String releaseStatus(UUID deploymentId) {
        return jdbc.query("select status from releases where deployment_id = ?", (rs, row) -> rs.getString(1),
                deploymentId).stream().findFirst().orElse(null);
    }

    private int instances() {
        return jdbc.queryForObject("select instances from apps where project_id = ?", Integer.class, projectId);
    }

    private List<String> containers() {
        return TestDocker.containersLabelled("paas.project", projectId.toString());
    }

    private static HostConfig hostConfigOf(String containerId) {
        return TestDocker.client().inspectContainerCmd(containerId).exec().getHostConfig();
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body);
    }

    private HttpResponse<String> patch(String path, Object body) throws Exception {
        return send("PATCH", path, body);
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(TestTokens.shared().user(ownerId)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
