package dev.paas.metrics.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A real container with a 32 MB memory limit that fills about 30 MB of it, labelled as an app replica of a
 * registered project, sampled by the real sampler every second: its memory alert opens after the (shortened)
 * duration, is published as AlertRaised, and resolves, published as AlertResolved, once the container frees the
 * memory. The context closes after the class, so its sampler does not go on judging other tests' containers.
 */
@ServiceComponentTest(database = "paas_metrics_test", properties = {
        "paas.metrics.containers.sampling=true", "paas.metrics.containers.interval=1s",
        "paas.metrics.containers.stats-timeout=5s", "paas.metrics.alerts.container-memory-duration=3s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RealContainerMemoryAlertIT extends SecuredComponentTest {

    private static final DockerClient DOCKER = DockerClients.create(DockerClientProperties.fromEnvironment());
    private static final List<String> STARTED = new ArrayList<>();
    private static final long LIMIT = 32L << 20;

    /** Holds 27 MB (about 30 MB with the interpreter: 94 % of the limit) until /tmp/release appears, then frees it. */
    private static final String FILL = """
            import os, time
            b = bytearray(27 * 1024 * 1024)
            for i in range(0, len(b), 4096): b[i] = 1
            while not os.path.exists('/tmp/release'): time.sleep(0.2)
            del b
            while True: time.sleep(1)
            """;

    private final UUID owner = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();

    @AfterAll
    static void removeContainers() throws Exception {
        for (String id : STARTED) {
            DOCKER.removeContainerCmd(id).withForce(true).exec();
        }
        DOCKER.close();
    }

    @Test
    void opensTheMemoryAlertOfAContainerOverNinetyPercentAndResolvesItWhenTheMemoryDrops() throws Exception {
        EventBus.shared().publish(new ProjectCreated(projectId, "fill-" + projectId.toString().substring(0, 8), owner,
                "https://github.com/acme/fill.git", "main", null));
        String containerId = start();

        JsonNode alert = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> memoryAlert(containerId, "open"), found -> found != null);
        assertThat(alert.path("lastValue").asDouble()).isGreaterThanOrEqualTo(90);
        assertThat(alert.path("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(alert.path("message").asString()).contains("of its 32 MB limit for 3 seconds");
        String alertId = alert.path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> AlertsComponentTest.published("metrics.alert-raised",
                alertId) == 1);

        release(containerId);

        JsonNode resolved = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> memoryAlert(containerId, "resolved"), found -> found != null);
        assertThat(resolved.path("id").asString()).isEqualTo(alertId);
        assertThat(resolved.path("resolveReason").asString()).startsWith("memory at ").endsWith("of its 32 MB limit");
        await().atMost(Duration.ofSeconds(20)).until(() -> AlertsComponentTest.published("metrics.alert-resolved",
                alertId) == 1);
    }

    private JsonNode memoryAlert(String containerId, String state) {
        JsonNode alerts = AlertsComponentTest.JSON.readTree(get("/api/v1/alerts?state=" + state, owner).body());
        for (JsonNode alert : alerts) {
            if ("CONTAINER_MEMORY".equals(alert.path("kind").asString())
                    && containerId.equals(alert.path("containerId").asString())) {
                return alert;
            }
        }
        return null;
    }

    private String start() {
        String id = DOCKER.createContainerCmd("paas/python:3.11")
                .withName("paas-alerts-it-" + UUID.randomUUID())
                .withLabels(Map.of("paas.managed", "true", "paas.project", projectId.toString(),
                        "paas.deployment", UUID.randomUUID().toString(), "paas.instance", "0",
                        "paas.owner", owner.toString()))
                .withCmd("python3", "-c", FILL)
                .withHostConfig(HostConfig.newHostConfig().withMemory(LIMIT).withMemorySwap(LIMIT))
                .exec()
                .getId();
        STARTED.add(id);
        DOCKER.startContainerCmd(id).exec();
        return id;
    }

    private static void release(String containerId) throws InterruptedException {
        String exec = DOCKER.execCreateCmd(containerId).withCmd("touch", "/tmp/release").exec().getId();
        DOCKER.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion();
    }
}
