package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** project-service as a component: its REST API, its database and its events on a real JetStream server. */
class ProjectApiIT extends ProjectServiceIntegrationTest {

    private final UUID owner = UUID.randomUUID();

    @Test
    void createsAProjectAndQueuesADeploymentThatBuildServiceHears() throws Exception {
        HttpResponse<String> created = post("/api/v1/projects",
                "{\"name\":\"My Shop\",\"repoUrl\":\"https://github.com/acme/shop.git\",\"branch\":\"main\"}", owner);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode project = json(created);
        String projectId = project.get("id").asString();
        assertThat(project.get("slug").asString()).startsWith("my-shop");
        assertThat(project.get("url").asString()).isEqualTo("http://" + project.get("slug").asString() + ".paas.localhost");
        assertThat(project.get("status").asString()).isEqualTo("NEW");
        assertThat(project.get("ownerId").asString()).isEqualTo(owner.toString());
        assertThat(project.get("githubRepository").isNull()).isTrue();
        assertThat(project.get("autoDeploy").asBoolean()).isFalse();
        assertThat(project.get("webhook").get("status").asString()).isEqualTo("NONE");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/projects/" + projectId);
        ProjectCreated announced = awaitPublished(ProjectCreated.class,
                event -> event.projectId().toString().equals(projectId));
        assertThat(announced).isEqualTo(new ProjectCreated(UUID.fromString(projectId), project.get("slug").asString(),
                owner, "https://github.com/acme/shop.git", "main", null));

        HttpResponse<String> deployment = post("/api/v1/projects/" + projectId + "/deployments", null, owner);
        assertThat(deployment.statusCode()).isEqualTo(202);
        JsonNode queued = json(deployment);
        assertThat(queued.get("status").asString()).isEqualTo("QUEUED");
        assertThat(queued.get("trigger").asString()).isEqualTo("manual");

        String deploymentId = queued.get("id").asString();
        DeploymentRequested request = awaitPublished(DeploymentRequested.class,
                event -> event.deploymentId().toString().equals(deploymentId));
        assertThat(request.repoUrl()).isEqualTo("https://github.com/acme/shop.git");
        assertThat(request.projectSlug()).isEqualTo(project.get("slug").asString());
        assertThat(request.ownerId()).isEqualTo(owner);

        assertThat(json(get("/api/v1/projects/" + projectId, owner)).get("status").asString()).isEqualTo("QUEUED");
        assertThat(json(get("/api/v1/projects", owner)).findValuesAsString("id")).containsExactly(projectId);
        assertThat(json(get("/api/v1/projects/" + projectId + "/deployments", owner)).findValuesAsString("id"))
                .containsExactly(deploymentId);
    }

    @Test
    void followsBuildAndRuntimeFactsToRunning() throws Exception {
        JsonNode deployment = deployNewProject("follower");
        UUID deploymentId = UUID.fromString(deployment.get("id").asString());
        UUID projectId = UUID.fromString(deployment.get("projectId").asString());

        bus.publish(new BuildStarted(deploymentId, projectId, owner));
        awaitStatus(deploymentId, "BUILDING");
        bus.publish(new ImageBuilt(deploymentId, projectId, "follower", "paas-app/follower:1", "node", "0123abcd",
                "add server", 3000, owner));
        awaitStatus(deploymentId, "DEPLOYING");
        bus.publish(new ContainerStarted(deploymentId, projectId, "c0ffee", 512L << 20, 500_000_000L, owner));
        bus.publish(new ContainerHealthy(deploymentId, projectId, "c0ffee", "http://follower.paas.localhost"));
        JsonNode running = awaitStatus(deploymentId, "RUNNING");

        assertThat(running.get("stack").asString()).isEqualTo("node");
        assertThat(running.get("commitSha").asString()).isEqualTo("0123abcd");
        assertThat(running.get("commitMessage").asString()).isEqualTo("add server");
        assertThat(running.get("imageTag").asString()).isEqualTo("paas-app/follower:1");
        assertThat(running.get("url").asString()).isEqualTo("http://follower.paas.localhost");
        assertThat(running.get("buildStartedAt").isNull()).isFalse();
        assertThat(running.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void showsTheReasonOfAFailedBuild() throws Exception {
        JsonNode deployment = deployNewProject("failing");
        UUID deploymentId = UUID.fromString(deployment.get("id").asString());
        UUID projectId = UUID.fromString(deployment.get("projectId").asString());

        bus.publish(new BuildStarted(deploymentId, projectId, owner));
        bus.publish(new BuildFailed(deploymentId, projectId, "branch 'nope' not found in https://github.com/acme/x.git",
                null, null, null, owner));

        JsonNode failed = awaitStatus(deploymentId, "FAILED");
        assertThat(failed.get("error").asString()).contains("branch 'nope' not found");
    }

    @Test
    void showsACancelledBuildAsCancelledWithItsReasonAndIgnoresTheRepeat() throws Exception {
        JsonNode deployment = deployNewProject("superseded");
        UUID deploymentId = UUID.fromString(deployment.get("id").asString());
        UUID projectId = UUID.fromString(deployment.get("projectId").asString());
        String reason = "superseded by deployment " + UUID.randomUUID();

        bus.publish(new BuildCancelled(deploymentId, projectId, reason, owner));
        bus.publish(new BuildCancelled(deploymentId, projectId, reason, owner));
        bus.publish(new BuildStarted(deploymentId, projectId, owner));

        JsonNode cancelled = awaitStatus(deploymentId, "CANCELLED");
        assertThat(cancelled.get("error").asString()).isEqualTo(reason);
        assertThat(cancelled.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void rejectsInvalidBodiesWithProblemDetailsNamingTheFieldAndChangesNothing() throws Exception {
        HttpResponse<String> missingName = post("/api/v1/projects", "{\"repoUrl\":\"https://github.com/a/b.git\"}",
                owner);
        assertThat(missingName.statusCode()).isEqualTo(400);
        assertThat(missingName.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(missingName).get("detail").asString()).contains("name");
        assertThat(json(missingName).get("errors").get(0).get("field").asString()).isEqualTo("name");

        HttpResponse<String> localRepo = post("/api/v1/projects", "{\"name\":\"x\",\"repoUrl\":\"file:///tmp/repo\"}",
                owner);
        assertThat(localRepo.statusCode()).isEqualTo(400);
        assertThat(json(localRepo).get("detail").asString()).startsWith("repoUrl").contains("local mode");

        HttpResponse<String> badBranch = post("/api/v1/projects",
                "{\"name\":\"x\",\"repoUrl\":\"https://github.com/a/b.git\",\"branch\":\"a..b\"}", owner);
        assertThat(badBranch.statusCode()).isEqualTo(400);
        assertThat(json(badBranch).get("detail").asString()).startsWith("branch");

        HttpResponse<String> notJson = post("/api/v1/projects", "{name:", owner);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("detail").asString()).contains("not valid JSON");

        for (String repository : new String[] {"acme", "acme/shop/extra", "acme/sh op", "../shop", "acme/..",
                "a".repeat(101) + "/shop"}) {
            HttpResponse<String> badRepository = post("/api/v1/projects",
                    "{\"name\":\"x\",\"repoUrl\":\"https://github.com/a/b.git\",\"githubRepository\":\"" + repository
                            + "\"}", owner);
            assertThat(badRepository.statusCode()).as(repository).isEqualTo(400);
            assertThat(json(badRepository).get("errors").get(0).get("field").asString()).as(repository)
                    .isEqualTo("githubRepository");
        }

        assertThat(json(get("/api/v1/projects", owner)).size()).isZero();
    }

    @Test
    void answersNotFoundForUnknownIdsAndBadRequestForMalformedOnes() throws Exception {
        assertThat(get("/api/v1/projects/" + UUID.randomUUID(), owner).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/deployments/" + UUID.randomUUID(), owner).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/projects/" + UUID.randomUUID() + "/deployments", null, owner).statusCode())
                .isEqualTo(404);
        HttpResponse<String> malformed = get("/api/v1/projects/not-a-uuid", owner);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("detail").asString()).contains("id must be a UUID");
    }

    @Test
    void exposesHealthProbesMetricsAndOpenApiWithoutAToken() throws Exception {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
        String apiDocs = get("/v3/api-docs", null).body();
        assertThat(apiDocs).contains("/api/v1/projects").contains("/api/v1/admin/projects");
        assertThat(JSON.readTree(apiDocs).at("/paths/~1api~1v1~1projects/get/parameters").isMissingNode()
                || JSON.readTree(apiDocs).at("/paths/~1api~1v1~1projects/get/parameters").isEmpty())
                .as("the caller is no request parameter").isTrue();
    }

    private JsonNode deployNewProject(String name) throws Exception {
        JsonNode project = createProject(owner,
                "{\"name\":\"" + name + "\",\"repoUrl\":\"https://github.com/acme/" + name + ".git\"}");
        return json(post("/api/v1/projects/" + project.get("id").asString() + "/deployments", null, owner));
    }

    private JsonNode awaitStatus(UUID deploymentId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> json(get("/api/v1/deployments/" + deploymentId, owner)),
                deployment -> status.equals(deployment.get("status").asString()));
    }
}
