package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.project.RollbackRequested;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rolling back: a new deployment runs an earlier live deployment's image, runtime-service is asked for it with
 * {@code RollbackRequested}, and its reports move the new deployment on as for any other; a deployment that never
 * went live is refused.
 */
class ProjectRollbackIT extends ProjectServiceIntegrationTest {

    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    private final UUID owner = UUID.randomUUID();

    @Test
    void runsTheImageOfAnEarlierLiveDeploymentAgainAsANewDeployment() throws Exception {
        JsonNode project = createProject(owner, "{\"name\":\"rollback\",\"repoUrl\":\"https://github.com/acme/r.git\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());
        String slug = project.get("slug").asString();
        UUID first = deployLive(projectId, slug, SHA, "first");
        UUID second = deployLive(projectId, slug, "0123456789abcdef0123456789abcdef01234567", "second");
        bus.publish(new ContainerStopped(first, projectId, "c-" + first, "replaced by deployment " + second));
        awaitStatus(first, "REPLACED");

        HttpResponse<String> response = post("/api/v1/projects/" + projectId + "/rollback",
                rollbackJson(first), owner);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode rollback = json(response);
        UUID rollbackId = UUID.fromString(rollback.get("id").asString());
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/deployments/" + rollbackId);
        assertThat(rollback.get("status").asString()).isEqualTo("DEPLOYING");
        assertThat(rollback.get("trigger").asString()).isEqualTo("rollback");
        assertThat(rollback.get("rollbackOf").asString()).isEqualTo(first.toString());
        assertThat(rollback.get("commitSha").asString()).isEqualTo(SHA);
        assertThat(rollback.get("commitMessage").asString()).isEqualTo("first");
        assertThat(rollback.get("imageTag").asString()).isEqualTo("paas-app/" + slug + ":" + first);
        assertThat(awaitPublished(RollbackRequested.class, event -> event.deploymentId().equals(rollbackId)))
                .isEqualTo(new RollbackRequested(rollbackId, projectId, slug, owner, first));
        assertThat(json(get("/api/v1/projects/" + projectId, owner)).get("status").asString()).isEqualTo("DEPLOYING");

        bus.publish(new ContainerHealthy(rollbackId, projectId, "c-" + rollbackId, "http://" + slug + ".paas.localhost"));
        bus.publish(new ContainerStopped(second, projectId, "c-" + second, "replaced by deployment " + rollbackId));

        awaitStatus(rollbackId, "RUNNING");
        awaitStatus(second, "REPLACED");
        JsonNode shown = json(get("/api/v1/projects/" + projectId, owner));
        assertThat(shown.get("status").asString()).isEqualTo("RUNNING");
        assertThat(shown.get("latestDeploymentId").asString()).isEqualTo(rollbackId.toString());
        JsonNode history = json(get("/api/v1/projects/" + projectId + "/events?limit=3", owner));
        assertThat(history.findValuesAsString("type")).containsExactly("DEPLOYMENT_REPLACED", "DEPLOYMENT_LIVE",
                "ROLLBACK_REQUESTED");
        assertThat(history.get(2).get("details").get("sourceDeploymentId").asString()).isEqualTo(first.toString());
        assertThat(history.get(2).get("actorId").asString()).isEqualTo(owner.toString());
    }

    @Test
    void aRollbackThatFailsToStartFailsLikeAnyDeployment() throws Exception {
        JsonNode project = createProject(owner, "{\"name\":\"shaky\",\"repoUrl\":\"https://github.com/acme/s.git\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());
        UUID live = deployLive(projectId, project.get("slug").asString(), SHA, "works");
        UUID rollbackId = UUID.fromString(json(post("/api/v1/projects/" + projectId + "/rollback",
                rollbackJson(live), owner)).get("id").asString());

        bus.publish(new DeploymentFailed(rollbackId, projectId, "app did not answer HTTP on port 3000 within 60 s"));

        assertThat(awaitStatus(rollbackId, "FAILED").get("error").asString()).contains("did not answer");
    }

    @Test
    void refusesADeploymentThatNeverWentLiveAnUnknownOneAndABadBodyChangingNothing() throws Exception {
        JsonNode project = createProject(owner, "{\"name\":\"broken\",\"repoUrl\":\"https://github.com/acme/b.git\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());
        UUID failed = UUID.fromString(json(post("/api/v1/projects/" + projectId + "/deployments", null, owner))
                .get("id").asString());
        bus.publish(new BuildFailed(failed, projectId, "branch 'main' not found", null, null, null, owner));
        awaitStatus(failed, "FAILED");
        JsonNode other = createProject(owner, "{\"name\":\"other\",\"repoUrl\":\"https://github.com/acme/o.git\"}");
        UUID otherLive = deployLive(UUID.fromString(other.get("id").asString()), other.get("slug").asString(), SHA,
                "elsewhere");
        String rollback = "/api/v1/projects/" + projectId + "/rollback";

        HttpResponse<String> neverRan = post(rollback, rollbackJson(failed), owner);
        assertThat(neverRan.statusCode()).isEqualTo(409);
        assertThat(json(neverRan).get("detail").asString()).contains(failed.toString()).contains("it is FAILED");
        assertThat(post(rollback, rollbackJson(UUID.randomUUID()), owner).statusCode())
                .isEqualTo(404);
        assertThat(post(rollback, rollbackJson(otherLive), owner).statusCode())
                .as("another project's deployment").isEqualTo(404);
        assertThat(post(rollback, rollbackJson(otherLive), UUID.randomUUID()).statusCode())
                .as("someone else's project").isEqualTo(404);
        HttpResponse<String> missing = post(rollback, "{}", owner);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("detail").asString()).contains("deploymentId");
        assertThat(post(rollback, "{\"deploymentId\":\"nope\"}", owner).statusCode()).isEqualTo(400);
        assertThat(post(rollback, null, owner).statusCode()).isEqualTo(400);

        assertThat(json(get("/api/v1/projects/" + projectId + "/deployments", owner)).findValuesAsString("id"))
                .containsExactly(failed.toString());
        assertThat(published(RollbackRequested.class)).noneMatch(event -> event.projectId().equals(projectId));
    }

    private UUID deployLive(UUID projectId, String slug, String sha, String message) throws Exception {
        UUID id = UUID.fromString(json(post("/api/v1/projects/" + projectId + "/deployments", null, owner))
                .get("id").asString());
        bus.publish(new ImageBuilt(id, projectId, slug, "paas-app/" + slug + ":" + id, "node", sha, message, 3000,
                owner));
        awaitStatus(id, "DEPLOYING");
        bus.publish(new ContainerHealthy(id, projectId, "c-" + id, "http://" + slug + ".paas.localhost"));
        awaitStatus(id, "RUNNING");
        return id;
    }

    private JsonNode awaitStatus(UUID deploymentId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> json(get("/api/v1/deployments/" + deploymentId, owner)),
                deployment -> status.equals(deployment.get("status").asString()));
    }

    /** The body of POST .../rollback, written by Jackson. */
    private static String rollbackJson(Object deploymentId) {
        return JsonMapper.builder().build().writeValueAsString(java.util.Map.of("deploymentId",
                deploymentId.toString()));
    }
}
