package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.metrics.HostCapacityChanged;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A QUEUED deployment says it waits for capacity while metrics-service reports the host full. */
class DeploymentCapacityIT extends ProjectServiceIntegrationTest {

    private final UUID owner = UUID.randomUUID();
    private final String host = "it-host-" + UUID.randomUUID();

    @Autowired
    JdbcTemplate jdbc;

    /** The table is shared with other test classes, whose deployments must not show a test's full host. */
    @AfterEach
    void forgetTheTestHosts() {
        jdbc.update("delete from host_capacity_reports where host like 'it-host-%'");
    }

    @Test
    void showsTheWaitingReasonOnQueuedDeploymentsOnlyWhileTheHostIsFull() throws Exception {
        JsonNode project = createProject(owner, "{\"name\":\"held\",\"repoUrl\":\"https://github.com/acme/held.git\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());
        bus.publish(new HostCapacityChanged(host, false, 20, 91.4, 30, 85, "memory 91 % of host"));
        UUID held = deploy(projectId);

        await().atMost(Duration.ofSeconds(20)).until(() -> "waiting for capacity: memory 91 % of host"
                .equals(deployment(held).path("waitingFor").asString(null)));
        assertThat(deployment(held).get("status").asString()).isEqualTo("QUEUED");
        assertThat(json(get("/api/v1/projects/" + projectId + "/deployments", owner)).get(0).get("waitingFor")
                .asString()).isEqualTo("waiting for capacity: memory 91 % of host");

        bus.publish(new BuildStarted(held, projectId, owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> deployment(held).get("status").asString()
                .equals("BUILDING"));
        assertThat(deployment(held).get("waitingFor").isNull()).isTrue();

        bus.publish(new HostCapacityChanged(host, true, 20, 60, 30, 85, null));
        UUID next = deploy(projectId);
        await().atMost(Duration.ofSeconds(20)).until(() -> deployment(next).get("waitingFor").isNull());
        assertThat(deployment(next).get("status").asString()).isEqualTo("QUEUED");
    }

    private UUID deploy(UUID projectId) throws Exception {
        return UUID.fromString(json(post("/api/v1/projects/" + projectId + "/deployments", null, owner))
                .get("id").asString());
    }

    private JsonNode deployment(UUID id) throws Exception {
        return json(get("/api/v1/deployments/" + id, owner));
    }
}
