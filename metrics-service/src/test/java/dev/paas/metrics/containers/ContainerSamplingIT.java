package dev.paas.metrics.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import dev.paas.messaging.testing.EventBus;
import dev.paas.metrics.owners.KnownResources;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The sampler reads real containers labelled like the platform's through the Docker engine, stores them, and the
 * API serves them to their owner only; the admin's list shows them without whose they are.
 */
@ServiceComponentTest(database = "paas_metrics_test", properties = {
        "paas.metrics.containers.sampling=true", "paas.metrics.containers.interval=2s",
        "paas.metrics.containers.stats-timeout=8s"})
@Import(ContainerSamplingIT.Passes.class)
class ContainerSamplingIT extends SecuredComponentTest {

    private static final DockerClient DOCKER = DockerClients.create(DockerClientProperties.fromEnvironment());
    private static final List<String> STARTED = new ArrayList<>();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID DEPLOYMENT = UUID.randomUUID();
    private static final UUID DATABASE = UUID.randomUUID();
    private static final String SLUG = "metrics-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final long MEMORY_LIMIT = 64L << 20;

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ContainerUsage usage;

    @Autowired
    Passes passes;

    @Autowired
    KnownResources resources;

    @BeforeAll
    static void startContainers() {
        for (int instance = 0; instance < 2; instance++) {
            start("paas-metrics-it-app-" + instance + "-" + SLUG, Map.of("paas.managed", "true",
                    "paas.project", PROJECT.toString(), "paas.deployment", DEPLOYMENT.toString(),
                    "paas.instance", String.valueOf(instance), "paas.owner", OWNER.toString()));
        }
        start("paas-metrics-it-scratch-" + SLUG, Map.of("paas.managed", "database",
                "paas.database-id", DATABASE.toString(), "paas.owner-id", OWNER.toString(),
                "paas.database-role", "scratch"));
    }

    @AfterAll
    static void removeContainers() throws Exception {
        for (String id : STARTED) {
            DOCKER.removeContainerCmd(id).withForce(true).exec();
        }
        DOCKER.close();
    }

    @BeforeEach
    void ownerHasTheProject() {
        resources.projectRegistered(PROJECT, SLUG, OWNER, Instant.now());
    }

    @Test
    void samplesEveryReplicaWithItsLimitsButNotScratchDatabases() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ours()).hasSize(2));

        for (ContainerSample sample : ours()) {
            assertThat(sample.kind()).isEqualTo(ContainerKind.APP);
            assertThat(sample.deploymentId()).isEqualTo(DEPLOYMENT);
            assertThat(sample.ownerId()).isEqualTo(OWNER);
            assertThat(sample.status()).isEqualTo("running");
            assertThat(sample.startedAt()).isNotNull().isBefore(sample.sampledAt());
            assertThat(sample.memoryLimitBytes()).isEqualTo(MEMORY_LIMIT);
            assertThat(sample.memoryBytes()).isPositive().isLessThan(MEMORY_LIMIT / 4);
            assertThat(sample.cpuPercentOfLimit()).isBetween(0.0, 100.0);
            assertThat(sample.cpuPercentOfHost()).isBetween(0.0, sample.cpuPercentOfLimit() + 1e-9);
            assertThat(sample.restartCount()).isZero();
        }
        assertThat(ours()).extracting(ContainerSample::instance).containsExactlyInAnyOrder(0, 1);
        assertThat(usage.latest()).noneMatch(sample -> STARTED.get(2).equals(sample.containerId()));
        assertThat(passes.received).anyMatch(
                pass -> pass.samples().stream().anyMatch(sample -> PROJECT.equals(sample.projectId())));
    }

    @Test
    void servesOneSeriesPerInstanceAndTheirSumToTheOwner() throws Exception {
        String path = "/api/v1/projects/" + PROJECT + "/metrics?step=2s&from="
                + encode(Instant.now().minus(Duration.ofMinutes(5)));
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonNode body = json.readTree(get(path, OWNER).body());
            assertThat(body.get("instances")).hasSize(2);
            assertThat(body.get("instances")).allMatch(series -> series.get("points").size() >= 2);
        });

        HttpResponse<String> response = get(path, OWNER);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("resolution").asText()).isEqualTo("raw");
        assertThat(body.get("stepSeconds").asLong()).isEqualTo(2);
        List<Integer> instances = new ArrayList<>();
        body.get("instances").forEach(series -> instances.add(series.get("instance").asInt()));
        assertThat(instances).containsExactly(0, 1);
        JsonNode first = body.get("instances").get(0).get("points").get(0);
        assertThat(first.get("memoryLimitBytes").asLong()).isEqualTo(MEMORY_LIMIT);
        assertThat(first.get("memoryBytes").asLong()).isPositive();
        JsonNode total = body.get("total");
        JsonNode lastTotal = total.get(total.size() - 1);
        long limits = 0;
        for (JsonNode series : body.get("instances")) {
            JsonNode points = series.get("points");
            JsonNode last = points.get(points.size() - 1);
            if (last.get("at").asText().equals(lastTotal.get("at").asText())) {
                limits += last.get("memoryLimitBytes").asLong();
            }
        }
        assertThat(lastTotal.get("memoryLimitBytes").asLong()).isEqualTo(limits).isPositive();
        assertThat(get(path, tokens.admin(UUID.randomUUID())).statusCode()).isEqualTo(200);
    }

    @Test
    void answersAStrangerLikeAnUnknownProject() throws Exception {
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> foreign = get("/api/v1/projects/" + PROJECT + "/metrics", UUID.randomUUID());
        HttpResponse<String> missing = get("/api/v1/projects/" + unknown + "/metrics", OWNER);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replace(PROJECT.toString(), "ID"))
                .isEqualTo(missing.body().replace(unknown.toString(), "ID"));
        assertThat(get("/api/v1/databases/" + DATABASE + "/metrics", UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesBadRangesNamingTheParameter() throws Exception {
        String base = "/api/v1/projects/" + PROJECT + "/metrics?";
        Instant now = Instant.now();
        Map<String, String> cases = Map.of(
                "from=yesterday", "from",
                "from=" + encode(now) + "&to=" + encode(now.minusSeconds(60)), "from",
                "from=" + encode(now.minus(Duration.ofDays(31))) + "&to=" + encode(now), "from",
                "to=12:00", "to",
                "step=1s", "step",
                "step=often", "step",
                "from=" + encode(now.minus(Duration.ofDays(29))) + "&step=2s", "step");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = get(base + bad.getKey(), OWNER);
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").asText()).as(bad.getKey())
                    .startsWith(bad.getValue() + " ");
        }
    }

    @Test
    void listsContainersToAdminsWithoutWhoseTheyAre() throws Exception {
        EventBus.shared().publish(new ImageBuilt(DEPLOYMENT, PROJECT, SLUG, "paas-app/" + SLUG + ":1", "node",
                "abc123", "first", 3000, OWNER));
        String admin = tokens.admin(UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rows = json.readTree(get("/api/v1/admin/containers", admin).body());
            long nodeApps = 0;
            for (JsonNode row : rows) {
                if ("node".equals(row.get("stack").asText()) && row.get("memoryLimitBytes").asLong() == MEMORY_LIMIT) {
                    nodeApps++;
                }
            }
            assertThat(nodeApps).isGreaterThanOrEqualTo(2);
        });

        String body = get("/api/v1/admin/containers", admin).body();
        JsonNode row = json.readTree(body).get(0);
        assertThat(row.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("id", "kind", "stack",
                "status", "cpuPercent", "cpuPercentOfHost", "memoryBytes", "memoryLimitBytes", "uptimeSeconds",
                "restartCount");
        for (String secret : List.of(PROJECT.toString(), OWNER.toString(), DEPLOYMENT.toString(), SLUG,
                STARTED.get(0), STARTED.get(0).substring(0, 12))) {
            assertThat(body).doesNotContain(secret);
        }
        assertThat(get("/api/v1/admin/containers", OWNER).statusCode()).isEqualTo(403);
    }

    private List<ContainerSample> ours() {
        return usage.latest().stream().filter(sample -> PROJECT.equals(sample.projectId())).toList();
    }

    private static String encode(Instant at) {
        return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    }

    private static void start(String name, Map<String, String> labels) {
        String id = DOCKER.createContainerCmd("paas/base:bookworm")
                .withName(name)
                .withLabels(labels)
                .withCmd("sleep", "600")
                .withHostConfig(HostConfig.newHostConfig().withMemory(MEMORY_LIMIT).withNanoCPUs(500_000_000L))
                .exec()
                .getId();
        STARTED.add(id);
        DOCKER.startContainerCmd(id).exec();
    }

    /** Collects the passes the sampler publishes. */
    @TestConfiguration
    static class Passes {

        final List<ContainersSampled> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ContainersSampled pass) {
            received.add(pass);
        }
    }
}
