package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.fakegithub.Delivery;
import dev.paas.fakegithub.FakeGitHub;
import dev.paas.fakegithub.GitHubRepository;
import dev.paas.fakegithub.GitHubUser;
import dev.paas.fakegithub.Hook;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The GitHub path end to end, through the gateway and a fake GitHub on 127.0.0.1:8099 ({@code ./paas test} points
 * identity-service at it): sign in with GitHub, pick a repository and branch, create the project (which registers a
 * push webhook with the project's own secret), push, and the push is deployed. Forged, tampered and replayed
 * deliveries start nothing.
 */
class GitHubPushToDeployIT {

    private static FakeGitHub github;

    @BeforeAll
    static void startFakeGitHub() {
        github = FakeGitHub.start(Integer.getInteger("paas.fake-github.port", 8099));
    }

    @AfterAll
    static void stopFakeGitHub() {
        if (github != null) {
            github.close();
        }
    }

    @Test
    void signInWithGitHubPickARepositoryAndEveryPushDeploys() throws Exception {
        String name = "octo-" + UUID.randomUUID().toString().substring(0, 8);
        GitHubUser octocat = github.addUser(name, ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000),
                name + "@e2e.paas.localhost", true);
        Path source = SampleRepositories.create("node-hello", "main");
        GitHubRepository repository = github.addRepository(octocat, "hello-" + name, SampleRepositories.url(source),
                "main", "develop");

        Platform user = signInWithGitHub(octocat);
        assertThat(Platform.json(user.get("/api/v1/auth/me")).get("email").asString())
                .isEqualTo(name + "@e2e.paas.localhost");

        JsonNode repositories = Platform.json(user.get("/api/v1/github/repositories"));
        assertThat(repositories.findValuesAsString("fullName")).contains(repository.fullName());
        JsonNode branches = Platform.json(user.get("/api/v1/github/repositories/" + repository.fullName() + "/branches"));
        assertThat(branches.findValuesAsString("name")).contains("main", "develop");

        HttpResponse<String> created = user.post("/api/v1/projects", Platform.JSON.writeValueAsString(Map.of(
                "name", "Pushed " + name, "repoUrl", repository.cloneUrl(), "branch", "main",
                "githubRepository", repository.fullName())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode project = Platform.json(created);
        String projectId = project.get("id").asString();
        assertThat(project.get("autoDeploy").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> Platform.json(user.get("/api/v1/projects/" + projectId))
                .path("webhook").path("status").asString(), "REGISTERED"::equals);
        List<Hook> hooks = github.hooks(repository);
        assertThat(hooks).hasSize(1);
        assertThat(hooks.getFirst().events()).contains("push");
        assertThat(hooks.getFirst().url()).endsWith("/webhooks/github?project=" + projectId);

        Path server = source.resolve("server.js");
        Files.writeString(server, Files.readString(server).replace("hello from node", "hello from a push"));
        SampleRepositories.commitAll(source, "greet from a push");
        String sha = SampleRepositories.head(source);
        List<Delivery> pushed = github.push(repository, "main", sha, "greet from a push");
        assertThat(pushed).hasSize(1);
        assertThat(pushed.getFirst().status()).as(pushed.getFirst().response()).isEqualTo(202);

        JsonNode deployment = await().atMost(Duration.ofSeconds(30)).until(
                () -> Platform.json(user.get("/api/v1/projects/" + projectId + "/deployments")),
                list -> list.size() == 1).get(0);
        assertThat(deployment.get("trigger").asString()).isEqualTo("push");
        String deploymentId = deployment.get("id").asString();
        user.awaitSettled(deploymentId);
        JsonNode settled = user.deployment(deploymentId);
        assertThat(settled.get("status").asString()).as("error: %s", settled.get("error")).isEqualTo("RUNNING");
        assertThat(settled.get("commitSha").asString()).isEqualTo(sha);
        assertThat(user.app(project.get("slug").asString(), "/").body()).contains("hello from a push");

        // The same delivery again (GitHub redelivers on timeouts): acknowledged, not deployed twice.
        Delivery replay = github.redeliver(pushed.getFirst());
        assertThat(replay.status()).isEqualTo(200);
        // A delivery whose body was changed after signing, and one signed with some other secret.
        Delivery original = pushed.getFirst();
        Delivery tampered = github.deliverRaw(original.url(), original.body().replace(sha, "b".repeat(40)),
                withHeader(original.headers(), "X-GitHub-Delivery", UUID.randomUUID().toString()));
        assertThat(tampered.status()).isEqualTo(401);
        Map<String, String> forged = withHeader(original.headers(), "X-GitHub-Delivery", UUID.randomUUID().toString());
        forged.put("X-Hub-Signature-256", FakeGitHub.signature("guessed-secret", original.body()));
        assertThat(github.deliverRaw(original.url(), original.body(), forged).status()).isEqualTo(401);
        // A push to another branch is accepted and ignored.
        assertThat(github.push(repository, "develop", sha, "elsewhere").getFirst().status()).isEqualTo(202);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(
                () -> Platform.json(user.get("/api/v1/projects/" + projectId + "/deployments")).size() == 1);
    }

    @Test
    void aDeliveryForARepositoryNoProjectUsesIsRefused() {
        String body = "{\"ref\":\"refs/heads/main\",\"after\":\"" + "a".repeat(40)
                + "\",\"repository\":{\"full_name\":\"nobody/nothing-" + UUID.randomUUID() + "\"}}";
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json",
                "X-GitHub-Event", "push", "X-GitHub-Delivery", UUID.randomUUID().toString(),
                "X-Hub-Signature-256", FakeGitHub.signature("whatever", body)));

        Delivery delivery = github.deliverRaw(gateway() + "/webhooks/github", body, headers);

        assertThat(delivery.status()).isEqualTo(404);
        assertThat(github.deliverRaw(gateway() + "/webhooks/github", "{not json", headers).status()).isEqualTo(400);
    }

    /** The browser's path: authorize at the gateway, approve at GitHub, come back, trade the one-time code. */
    private static Platform signInWithGitHub(GitHubUser user) {
        github.signInAs(user);
        Platform browser = Platform.anonymous();
        HttpResponse<String> toGitHub = browser.get("/api/v1/auth/github/authorize");
        assertThat(toGitHub.statusCode()).as(toGitHub.body()).isEqualTo(302);
        HttpResponse<String> back = browser.getUrl(location(toGitHub));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        HttpResponse<String> toDashboard = browser.getUrl(location(back));
        assertThat(toDashboard.statusCode()).as(toDashboard.body()).isEqualTo(302);
        String fragment = location(toDashboard).replaceFirst("^[^#]*#", "");
        assertThat(fragment).startsWith("github-login=");
        String code = URLDecoder.decode(fragment.substring("github-login=".length()), StandardCharsets.UTF_8);

        HttpResponse<String> session = browser.post("/api/v1/auth/github/exchange",
                Platform.JSON.writeValueAsString(Map.of("code", code)));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        browser.signedInWith(user.login(), session);
        return browser;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new HashMap<>();
        headers.forEach((key, v) -> {
            if (!key.equalsIgnoreCase(name)) {
                copy.put(key, v);
            }
        });
        copy.put(name, value);
        return copy;
    }

    private static String gateway() {
        return System.getProperty("paas.gateway", "http://127.0.0.1:8080");
    }
}
