package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The product's core promise, through every real part: a git repository goes in through the gateway, build-service
 * clones and builds it on the Docker engine, runtime-service runs it and routes it in Caddy, and the app answers at
 * its own host name. Needs a running platform in local mode ({@code ./paas test} starts one).
 */
class DeployRepositoryIT {

    private static final Platform platform = Platform.signedUpRoomy("deployer");

    @Test
    void deploysANodeAppAndServesItThroughTheIngress() throws Exception {
        Path repo = SampleRepositories.create("node-hello", "main");
        JsonNode project = platform.createProject("Node Hello", SampleRepositories.url(repo), "main");
        String slug = project.get("slug").asString();
        assertThat(project.get("url").asString()).startsWith("http://" + slug + ".");

        JsonNode queued = platform.deploy(project.get("id").asString());
        assertThat(queued.get("status").asString()).isEqualTo("QUEUED");
        List<String> statuses = platform.awaitSettled(queued.get("id").asString());

        JsonNode deployment = platform.deployment(queued.get("id").asString());
        assertThat(deployment.get("status").asString()).as("error: %s", deployment.get("error")).isEqualTo("RUNNING");
        assertThat(statuses).isSubsetOf("QUEUED", "BUILDING", "DEPLOYING", "RUNNING");
        assertThat(statuses).isSortedAccordingTo(java.util.Comparator.comparing(
                status -> List.of("QUEUED", "BUILDING", "DEPLOYING", "RUNNING").indexOf(status)));
        assertThat(deployment.get("stack").asString()).isEqualTo("node");
        assertThat(deployment.get("commitSha").asString()).isEqualTo(SampleRepositories.head(repo));
        assertThat(deployment.get("commitMessage").asString()).isEqualTo("initial node-hello");
        assertThat(deployment.get("imageTag").asString()).contains(slug);
        assertThat(deployment.get("url").asString()).isEqualTo(project.get("url").asString());
        for (String timestamp : List.of("createdAt", "buildStartedAt", "deployingAt", "finishedAt")) {
            assertThat(deployment.get(timestamp).isNull()).as(timestamp).isFalse();
        }

        HttpResponse<String> app = platform.app(slug, "/");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("hello from node");

        HttpResponse<String> log = platform.get("/api/v1/deployments/" + queued.get("id").asString() + "/build-log");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).isNotBlank();
        assertThat(platform.json(platform.get("/api/v1/projects/" + project.get("id").asString()))
                .get("status").asString()).isEqualTo("RUNNING");
    }

    @Test
    void redeployingReplacesTheRunningApp() throws Exception {
        Path repo = SampleRepositories.create("node-hello", "main");
        JsonNode project = platform.createProject("Redeploy Me", SampleRepositories.url(repo), "main");
        String slug = project.get("slug").asString();
        String first = platform.deploy(project.get("id").asString()).get("id").asString();
        platform.awaitSettled(first);
        assertThat(platform.app(slug, "/").body()).contains("hello from node");

        Path server = repo.resolve("server.js");
        Files.writeString(server, Files.readString(server).replace("hello from node", "hello again from node"));
        SampleRepositories.commitAll(repo, "change greeting");
        String second = platform.deploy(project.get("id").asString()).get("id").asString();
        platform.awaitSettled(second);

        JsonNode deployment = platform.deployment(second);
        assertThat(deployment.get("status").asString()).as("error: %s", deployment.get("error")).isEqualTo("RUNNING");
        assertThat(deployment.get("commitMessage").asString()).isEqualTo("change greeting");
        assertThat(platform.app(slug, "/").body()).contains("hello again from node");
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.deployment(first).get("status").asString(),
                "REPLACED"::equals);
    }

    @Test
    void deploysAStaticSite() throws Exception {
        deploysSample("static-site", "Static Site", "static", "hello from static");
    }

    @Test
    void deploysARepositoryWithItsOwnDockerfile() throws Exception {
        deploysSample("dockerfile-app", "Own Dockerfile", "dockerfile", "hello from dockerfile");
    }

    @Test
    void anUnknownHostGetsNotFoundFromTheIngress() {
        assertThat(platform.app("no-such-app-here", "/").statusCode()).isEqualTo(404);
    }

    private void deploysSample(String sample, String name, String stack, String answer) throws Exception {
        Path repo = SampleRepositories.create(sample, "main");
        JsonNode project = platform.createProject(name, SampleRepositories.url(repo), "main");
        String deploymentId = platform.deploy(project.get("id").asString()).get("id").asString();
        platform.awaitSettled(deploymentId);

        JsonNode deployment = platform.deployment(deploymentId);
        assertThat(deployment.get("status").asString()).as("error: %s", deployment.get("error")).isEqualTo("RUNNING");
        assertThat(deployment.get("stack").asString()).isEqualTo(stack);
        assertThat(platform.app(project.get("slug").asString(), "/").body()).contains(answer);
    }
}
