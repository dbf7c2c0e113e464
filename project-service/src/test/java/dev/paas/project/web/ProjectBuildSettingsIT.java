package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Build settings set with PATCH, the commit a deployment builds, and the commit's author on the deployment. */
class ProjectBuildSettingsIT extends ProjectServiceIntegrationTest {

    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    private final UUID owner = UUID.randomUUID();

    @Test
    void setsShowsCarriesAndClearsBuildSettings() throws Exception {
        String projectId = project("monorepo");

        HttpResponse<String> changed = patch("/api/v1/projects/" + projectId, """
                {"rootDirectory":"apps/web","installCommand":"npm ci","buildCommand":"npm run build",
                 "startCommand":"node dist/server.js","port":4000,"dockerfilePath":null}""", owner);

        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode shown = json(get("/api/v1/projects/" + projectId, owner));
        assertThat(shown.get("rootDirectory").asString()).isEqualTo("apps/web");
        assertThat(shown.get("installCommand").asString()).isEqualTo("npm ci");
        assertThat(shown.get("buildCommand").asString()).isEqualTo("npm run build");
        assertThat(shown.get("startCommand").asString()).isEqualTo("node dist/server.js");
        assertThat(shown.get("port").asInt()).isEqualTo(4000);
        assertThat(shown.get("dockerfilePath").isNull()).isTrue();
        assertThat(requestedOf(deploy(projectId, null)).buildSettings()).isEqualTo(new DeploymentRequested
                .BuildSettings("apps/web", "npm ci", "npm run build", "node dist/server.js", 4000, null));

        assertThat(patch("/api/v1/projects/" + projectId, "{\"port\":null,\"startCommand\":null}", owner)
                .statusCode()).isEqualTo(200);
        JsonNode cleared = json(get("/api/v1/projects/" + projectId, owner));
        assertThat(cleared.get("port").isNull()).isTrue();
        assertThat(cleared.get("startCommand").isNull()).isTrue();
        assertThat(cleared.get("rootDirectory").asString()).as("left out, so unchanged").isEqualTo("apps/web");
        assertThat(requestedOf(deploy(projectId, null)).buildSettings()).isEqualTo(new DeploymentRequested
                .BuildSettings("apps/web", "npm ci", "npm run build", null, null, null));
    }

    @Test
    void refusesBadSettingsNamingTheFieldAndChangesNothing() throws Exception {
        String projectId = project("careful");
        patch("/api/v1/projects/" + projectId, "{\"rootDirectory\":\"apps/web\",\"port\":3000}", owner);

        assertRefused(projectId, "{\"rootDirectory\":\"../..\",\"port\":5000}", "rootDirectory");
        assertRefused(projectId, "{\"port\":5000,\"dockerfilePath\":\"/etc/Dockerfile\"}", "dockerfilePath");
        assertRefused(projectId, "{\"port\":70000}", "port");
        assertRefused(projectId, "{\"port\":5000,\"buildCommand\":\"" + "x".repeat(1001) + "\"}", "buildCommand");
        assertRefused(projectId, "{\"port\":5000,\"startCommand\":\"node\\u0000x\"}", "startCommand");
        assertRefused(projectId, "{\"port\":5000,\"rootDir\":\"apps\"}", "rootDir");
        assertRefused(projectId, "{\"branch\":\"next\",\"rootDirectory\":\"a\\nb\"}", "rootDirectory");

        JsonNode unchanged = json(get("/api/v1/projects/" + projectId, owner));
        assertThat(unchanged.get("rootDirectory").asString()).isEqualTo("apps/web");
        assertThat(unchanged.get("port").asInt()).isEqualTo(3000);
        assertThat(unchanged.get("branch").asString()).isEqualTo("main");
        assertThat(unchanged.get("dockerfilePath").isNull()).isTrue();
    }

    @Test
    void anAdministratorMayChangeSettingsAnotherUserMayNot() throws Exception {
        String projectId = project("guarded");

        HttpResponse<String> stranger = patch("/api/v1/projects/" + projectId, "{\"port\":9000}", UUID.randomUUID());
        HttpResponse<String> admin = send("PATCH", "/api/v1/projects/" + projectId, "{\"port\":9000}",
                tokens.admin(UUID.randomUUID()));

        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(get("/api/v1/projects/" + projectId, owner)).get("port").asInt()).isEqualTo(9000);
    }

    @Test
    void deploysTheBranchHeadOrTheCommitTheOwnerNames() throws Exception {
        String projectId = project("pinned");

        assertThat(requestedOf(deploy(projectId, null)).commitSha()).isNull();
        HttpResponse<String> pinned = deploy(projectId, "{\"commitSha\":\"" + SHA.toUpperCase() + "\"}");
        assertThat(json(pinned).get("commitSha").asString()).isEqualTo(SHA);
        assertThat(requestedOf(pinned).commitSha()).isEqualTo(SHA);
        assertThat(requestedOf(deploy(projectId, "{\"commitSha\":\"9fceb02\"}")).commitSha()).isEqualTo("9fceb02");

        for (String bad : new String[] {"9fceb0", "not-a-sha", SHA + "0"}) {
            HttpResponse<String> refused = deploy(projectId, "{\"commitSha\":\"" + bad + "\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("commitSha");
        }
        assertThat(json(get("/api/v1/projects/" + projectId + "/deployments", owner))).hasSize(3);
    }

    @Test
    void showsTheBuiltCommitsShaMessageAndAuthor() throws Exception {
        String projectId = project("authored");
        HttpResponse<String> deployed = deploy(projectId, null);
        UUID deploymentId = UUID.fromString(json(deployed).get("id").asString());

        bus.publish(new ImageBuilt(deploymentId, UUID.fromString(projectId), "authored", "paas-app/authored:1",
                "node", SHA, "add checkout", 3000, owner, "Mona Lisa <mona@example.com>"));

        JsonNode deployment = await().atMost(Duration.ofSeconds(20)).until(
                () -> json(get("/api/v1/deployments/" + deploymentId, owner)),
                shown -> "DEPLOYING".equals(shown.get("status").asString()));
        assertThat(deployment.get("commitSha").asString()).isEqualTo(SHA);
        assertThat(deployment.get("commitMessage").asString()).isEqualTo("add checkout");
        assertThat(deployment.get("commitAuthor").asString()).isEqualTo("Mona Lisa <mona@example.com>");
    }

    private void assertRefused(String projectId, String body, String field) throws Exception {
        HttpResponse<String> refused = patch("/api/v1/projects/" + projectId, body, owner);
        assertThat(refused.statusCode()).as(body).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(json(refused).get("detail").asString()).startsWith(field + " ");
    }

    private String project(String name) throws Exception {
        return createProject(owner, "{\"name\":\"" + name + "\",\"repoUrl\":\"https://github.com/acme/" + name
                + ".git\"}").get("id").asString();
    }

    private HttpResponse<String> deploy(String projectId, String body) throws Exception {
        return post("/api/v1/projects/" + projectId + "/deployments", body, owner);
    }

    private static DeploymentRequested requestedOf(HttpResponse<String> deployed) {
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        String deploymentId = json(deployed).get("id").asString();
        return awaitPublished(DeploymentRequested.class,
                event -> event.deploymentId().toString().equals(deploymentId));
    }
}
