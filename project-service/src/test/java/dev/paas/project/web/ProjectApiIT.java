package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.messaging.testing.TestDatabases;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PullSubscribeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** project-service as a component: its REST API, its database and its events on a real JetStream server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectApiIT {

    private static EventBus bus;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        registry.add("spring.datasource.url", () -> TestDatabases.url("paas_project_test"));
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
    }

    @Test
    void createsAProjectAndQueuesADeploymentThatBuildServiceHears() throws Exception {
        JetStreamSubscription requests = bus.client().jetStream().subscribe("paas.project.deployment-requested.v1",
                PullSubscribeOptions.builder().build());

        HttpResponse<String> created = post("/api/v1/projects",
                "{\"name\":\"My Shop\",\"repoUrl\":\"https://github.com/acme/shop.git\",\"branch\":\"main\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode project = JSON.readTree(created.body());
        assertThat(project.get("slug").asString()).startsWith("my-shop");
        assertThat(project.get("url").asString()).isEqualTo("http://" + project.get("slug").asString() + ".paas.localhost");
        assertThat(project.get("status").asString()).isEqualTo("NEW");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/projects/" + project.get("id").asString());

        HttpResponse<String> deployment = post("/api/v1/projects/" + project.get("id").asString() + "/deployments", "");
        assertThat(deployment.statusCode()).isEqualTo(202);
        JsonNode queued = JSON.readTree(deployment.body());
        assertThat(queued.get("status").asString()).isEqualTo("QUEUED");

        String deploymentId = queued.get("id").asString();
        EventEnvelope request = await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<io.nats.client.Message> messages = requests.fetch(10, Duration.ofMillis(500));
            return messages.stream().map(message -> codec.fromBytes(message.getData()))
                    .filter(envelope -> envelope.aggregateId().equals(deploymentId)).findFirst().orElse(null);
        }, envelope -> envelope != null);
        assertThat(request.payload().get("repoUrl").asString()).isEqualTo("https://github.com/acme/shop.git");
        assertThat(request.payload().get("projectSlug").asString()).isEqualTo(project.get("slug").asString());

        assertThat(JSON.readTree(get("/api/v1/projects/" + project.get("id").asString()).body()).get("status").asString())
                .isEqualTo("QUEUED");
        assertThat(JSON.readTree(get("/api/v1/projects").body()).findValuesAsString("id"))
                .contains(project.get("id").asString());
    }

    @Test
    void followsBuildAndRuntimeFactsToRunning() throws Exception {
        JsonNode deployment = deployNewProject("follower");
        UUID deploymentId = UUID.fromString(deployment.get("id").asString());
        UUID projectId = UUID.fromString(deployment.get("projectId").asString());

        bus.publish(new BuildStarted(deploymentId, projectId));
        awaitStatus(deploymentId, "BUILDING");
        bus.publish(new ImageBuilt(deploymentId, projectId, "follower", "paas-app/follower:1", "node", "0123abcd",
                "add server", 3000));
        awaitStatus(deploymentId, "DEPLOYING");
        bus.publish(new ContainerStarted(deploymentId, projectId, "c0ffee", 512L << 20, 500_000_000L));
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

        bus.publish(new BuildStarted(deploymentId, projectId));
        bus.publish(new BuildFailed(deploymentId, projectId, "branch 'nope' not found in https://github.com/acme/x.git",
                null, null, null));

        JsonNode failed = awaitStatus(deploymentId, "FAILED");
        assertThat(failed.get("error").asString()).contains("branch 'nope' not found");
    }

    @Test
    void rejectsInvalidBodiesWithProblemDetailsNamingTheFieldAndChangesNothing() throws Exception {
        int before = JSON.readTree(get("/api/v1/projects").body()).size();

        HttpResponse<String> missingName = post("/api/v1/projects", "{\"repoUrl\":\"https://github.com/a/b.git\"}");
        assertThat(missingName.statusCode()).isEqualTo(400);
        assertThat(missingName.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(missingName.body()).get("detail").asString()).contains("name");
        assertThat(JSON.readTree(missingName.body()).get("errors").get(0).get("field").asString()).isEqualTo("name");

        HttpResponse<String> localRepo = post("/api/v1/projects", "{\"name\":\"x\",\"repoUrl\":\"file:///tmp/repo\"}");
        assertThat(localRepo.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(localRepo.body()).get("detail").asString()).startsWith("repoUrl").contains("local mode");

        HttpResponse<String> badBranch = post("/api/v1/projects",
                "{\"name\":\"x\",\"repoUrl\":\"https://github.com/a/b.git\",\"branch\":\"a..b\"}");
        assertThat(badBranch.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badBranch.body()).get("detail").asString()).startsWith("branch");

        HttpResponse<String> notJson = post("/api/v1/projects", "{name:");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("detail").asString()).contains("not valid JSON");

        assertThat(JSON.readTree(get("/api/v1/projects").body()).size()).isEqualTo(before);
    }

    @Test
    void answersNotFoundForUnknownIdsAndBadRequestForMalformedOnes() throws Exception {
        assertThat(get("/api/v1/projects/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/deployments/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/projects/" + UUID.randomUUID() + "/deployments", "").statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = get("/api/v1/projects/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("detail").asString()).contains("id must be a UUID");
    }

    @Test
    void exposesHealthProbesMetricsAndOpenApi() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(get("/v3/api-docs").body()).contains("/api/v1/projects");
    }

    private JsonNode deployNewProject(String name) throws Exception {
        JsonNode project = JSON.readTree(post("/api/v1/projects",
                "{\"name\":\"" + name + "\",\"repoUrl\":\"https://github.com/acme/" + name + ".git\"}").body());
        return JSON.readTree(post("/api/v1/projects/" + project.get("id").asString() + "/deployments", "").body());
    }

    private JsonNode awaitStatus(UUID deploymentId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> JSON.readTree(get("/api/v1/deployments/" + deploymentId).body()),
                deployment -> status.equals(deployment.get("status").asString()));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
