package dev.paas.identity.github;

import static dev.paas.identity.github.GitHubTesting.loginCode;
import static dev.paas.identity.github.GitHubTesting.signInThroughBrowser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.fakegithub.FakeGitHub;
import dev.paas.fakegithub.GitHubRepository;
import dev.paas.fakegithub.GitHubUser;
import dev.paas.fakegithub.Hook;
import dev.paas.fakegithub.RecordedRequest;
import dev.paas.identity.Api;
import dev.paas.identity.IdentityIntegrationTest;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import io.nats.client.Dispatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The project picker's view of GitHub (repositories and branches with the caller's own token) and the push
 * webhooks registered when project-service announces a project picked from GitHub, and deleted with the project.
 */
// The context is bound to this class's fake GitHub, which stops after the class.
@DirtiesContext
class GitHubRepositoriesIT extends IdentityIntegrationTest {

    private static final FakeGitHub github = FakeGitHub.start();
    private static final AtomicLong ids = new AtomicLong(9_000);
    private static final EventCodec codec = new EventCodec();
    private static final List<EventEnvelope> published = new CopyOnWriteArrayList<>();
    private static EventBus bus;
    private static Dispatcher listener;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void gitHub(DynamicPropertyRegistry registry) {
        GitHubTesting.configure(registry, github, "identity-github-repos-it");
    }

    @BeforeAll
    static void listenToIdentityEvents() throws Exception {
        bus = EventBus.shared();
        // A plain subscription sees every publish on the subjects, whether or not the stream exists yet.
        listener = bus.client().createDispatcher(message -> published.add(codec.fromBytes(message.getData())));
        listener.subscribe("paas.identity.>");
    }

    @AfterAll
    static void stop() {
        bus.client().closeDispatcher(listener);
        github.close();
    }

    @Test
    void listsEveryRepositoryAcrossPagesAndItsBranches() {
        GitHubUser octocat = user("octocat");
        for (int i = 0; i < 130; i++) {
            github.addRepository(octocat, String.format("repo-%03d", i), null, "main");
        }
        GitHubUser other = user("other");
        GitHubRepository shared = github.addRepository(other, "shared", "https://example.test/shared.git", "trunk",
                "feature/x").makePrivate();
        github.grantAccess(shared, octocat, false);
        github.addRepository(other, "unseen", null, "main");
        Api api = signedIn(octocat);

        Api.Response response = api.get("/api/v1/github/repositories");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode repositories = response.json();
        assertThat(repositories).hasSize(131);
        assertThat(repositories.findValuesAsString("fullName")).doesNotContain(other.login() + "/unseen")
                .contains(octocat.login() + "/repo-129");
        JsonNode sharedJson = find(repositories, other.login() + "/shared");
        assertThat(sharedJson.get("name").asString()).isEqualTo("shared");
        assertThat(sharedJson.get("owner").asString()).isEqualTo(other.login());
        assertThat(sharedJson.get("private").asBoolean()).isTrue();
        assertThat(sharedJson.get("defaultBranch").asString()).isEqualTo("trunk");
        assertThat(sharedJson.get("cloneUrl").asString()).isEqualTo("https://example.test/shared.git");
        assertThat(sharedJson.get("htmlUrl").asString()).isEqualTo(github.baseUrl() + "/" + other.login() + "/shared");
        assertThat(sharedJson.get("canAdmin").asBoolean()).isFalse();
        assertThat(find(repositories, octocat.login() + "/repo-000").get("canAdmin").asBoolean()).isTrue();

        JsonNode branches = api.get("/api/v1/github/repositories/" + other.login() + "/shared/branches").json();
        assertThat(branches.findValuesAsString("name")).containsExactly("trunk", "feature/x");
        assertThat(branches.get(0).get("commitSha").asString()).isEqualTo(shared.branches().get("trunk"));
        assertThat(api.get("/api/v1/github/repositories/" + other.login() + "/unseen/branches").status())
                .isEqualTo(404);
    }

    @Test
    void refusesInvalidOwnerOrRepositoryNames() {
        Api api = signedIn(user("validator"));
        assertThat(api.get("/api/v1/github/repositories/bad%20owner/repo/branches").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/github/repositories/owner/" + "x".repeat(101) + "/branches").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/github/repositories/own$er/repo/branches").status()).isEqualTo(400);
    }

    @Test
    void asksToLinkGitHubFirstOrAgainAndReportsGitHubOutages() {
        Api passwordOnly = Api.on(port);
        Api.Response registered = register(passwordOnly, "no-github-" + ids.incrementAndGet() + "@example.com");
        Api.Response notLinked = passwordOnly.as(registered.text("accessToken")).get("/api/v1/github/repositories");
        assertThat(notLinked.status()).isEqualTo(409);
        assertThat(notLinked.text("detail")).isEqualTo("link your GitHub account first");

        GitHubUser flaky = user("flaky");
        Api api = signedIn(flaky);
        github.failNextApiCalls(1, 503);
        Api.Response down = api.get("/api/v1/github/repositories");
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.header("Content-Type")).contains("application/problem+json");

        github.revokeTokens(flaky);
        Api.Response revoked = api.get("/api/v1/github/repositories");
        assertThat(revoked.status()).isEqualTo(409);
        assertThat(revoked.text("detail")).contains("link your GitHub account again");
    }

    @Test
    void registersAPushWebhookWithTheProjectsDerivedSecret() throws Exception {
        GitHubUser owner = user("owner");
        GitHubRepository shop = github.addRepository(owner, "shop", null, "main");
        UUID ownerId = accountIdOf(signedIn(owner));
        UUID projectId = UUID.randomUUID();

        bus.publish(new ProjectCreated(projectId, "shop", ownerId, shop.cloneUrl(), "main", shop.fullName()));

        Hook hook = await().atMost(Duration.ofSeconds(20)).until(() -> github.hooks(shop), hooks -> !hooks.isEmpty())
                .getFirst();
        assertThat(hook.url()).isEqualTo(GitHubTesting.WEBHOOK_URL + "?project=" + projectId);
        assertThat(hook.secret()).isEqualTo(expectedSecret(projectId));
        assertThat(hook.events()).containsExactly("push");
        assertThat(hook.contentType()).isEqualTo("json");
        assertThat(hook.active()).isTrue();
        EventEnvelope event = awaitEvent("identity.webhook-registered", projectId);
        WebhookRegistered registered = codec.read(event, WebhookRegistered.class);
        assertThat(registered.hookId()).isEqualTo(hook.id());
        assertThat(registered.repository()).isEqualTo(shop.fullName());
        assertThat(jdbc.queryForObject("select status from github_webhooks where project_id = ?", String.class,
                projectId)).isEqualTo("REGISTERED");
        assertThat(event.toString()).doesNotContain(hook.secret());
    }

    @Test
    void registersOnceWhenProjectCreatedIsDeliveredAgain() throws Exception {
        GitHubUser owner = user("again");
        GitHubRepository shop = github.addRepository(owner, "shop", null, "main");
        UUID ownerId = accountIdOf(signedIn(owner));
        UUID projectId = UUID.randomUUID();
        ProjectCreated created = new ProjectCreated(projectId, "shop-again", ownerId, shop.cloneUrl(), "main",
                shop.fullName());

        EventEnvelope first = bus.publish(created);
        awaitEvent("identity.webhook-registered", projectId);
        bus.republish(first);
        bus.publish(created);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                github.hooks(shop).size() == 1 && events("identity.webhook-registered", projectId).size() == 1);
        assertThat(jdbc.queryForObject("select count(*) from github_webhooks where project_id = ?", Integer.class,
                projectId)).isEqualTo(1);
    }

    @Test
    void countsAnIdenticalHookAlreadyOnTheRepositoryAsRegistered() throws Exception {
        GitHubUser owner = user("preexisting");
        GitHubRepository shop = github.addRepository(owner, "shop", null, "main");
        UUID ownerId = accountIdOf(signedIn(owner));
        UUID projectId = UUID.randomUUID();
        long existing = createHookDirectly(owner, shop, projectId);

        bus.publish(new ProjectCreated(projectId, "shop-pre", ownerId, shop.cloneUrl(), "main", shop.fullName()));

        WebhookRegistered registered = codec.read(awaitEvent("identity.webhook-registered", projectId),
                WebhookRegistered.class);
        assertThat(registered.hookId()).isEqualTo(existing);
        assertThat(github.hooks(shop)).hasSize(1);
    }

    @Test
    void triesAgainWhileGitHubIsDown() throws Exception {
        GitHubUser owner = user("patient");
        GitHubRepository shop = github.addRepository(owner, "shop", null, "main");
        UUID ownerId = accountIdOf(signedIn(owner));
        UUID projectId = UUID.randomUUID();
        github.failNextApiCalls(2, 502);

        bus.publish(new ProjectCreated(projectId, "shop-patient", ownerId, shop.cloneUrl(), "main",
                shop.fullName()));

        awaitEvent("identity.webhook-registered", projectId);
        assertThat(github.hooks(shop)).hasSize(1);
    }

    @Test
    void reportsAFailureWhenTheOwnerHasNoLinkedGitHubAccount() throws Exception {
        Api api = Api.on(port);
        UUID ownerId = UUID.fromString(register(api, "unlinked-" + ids.incrementAndGet() + "@example.com")
                .json().get("user").get("id").asString());
        UUID projectId = UUID.randomUUID();

        bus.publish(new ProjectCreated(projectId, "orphan", ownerId, "https://example.test/x.git", "main",
                "someone/x"));

        WebhookRegistrationFailed failed = awaitFailure(projectId, "not linked a GitHub account");
        assertThat(failed.repository()).isEqualTo("someone/x");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select error from github_webhooks where project_id = ? and status = 'FAILED'", String.class,
                projectId), errors -> errors.size() == 1 && errors.getFirst().contains("not linked a GitHub account"));
    }

    @Test
    void reportsAFailureWhenTheOwnerCannotAdministerTheRepository() throws Exception {
        GitHubUser maintainer = user("maintainer");
        GitHubUser reader = user("reader");
        GitHubRepository theirs = github.addRepository(maintainer, "tool", null, "main");
        github.grantAccess(theirs, reader, false);
        UUID readerId = accountIdOf(signedIn(reader));
        UUID projectId = UUID.randomUUID();

        bus.publish(new ProjectCreated(projectId, "tool", readerId, theirs.cloneUrl(), "main", theirs.fullName()));

        awaitFailure(projectId, "admin rights");
        assertThat(github.hooks(theirs)).isEmpty();
    }

    @Test
    void ignoresProjectsThatDoNotComeFromGitHub() throws Exception {
        UUID projectId = UUID.randomUUID();
        EventEnvelope plain = bus.publish(new ProjectCreated(projectId, "plain", UUID.randomUUID(),
                "https://example.test/plain.git", "main", null));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, plain.id()) == 1);
        assertThat(jdbc.queryForObject("select count(*) from github_webhooks where project_id = ?", Integer.class,
                projectId)).isZero();
    }

    @Test
    void deletesThePushWebhookOfADeletedProjectAndOnlyThatOne() throws Exception {
        GitHubUser owner = user("deleting");
        GitHubRepository shop = github.addRepository(owner, "shop", null, "main");
        UUID ownerId = accountIdOf(signedIn(owner));
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        long hook = registeredHook(deleted, ownerId, shop);
        long othersHook = registeredHook(kept, ownerId, shop);

        EventEnvelope deletion = bus.publish(new ProjectDeleted(deleted, "shop", ownerId, ownerId, shop.fullName()));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhookRows(deleted) == 0);
        assertThat(github.hooks(shop)).extracting(Hook::id).containsExactly(othersHook);
        assertThat(github.deletedHooks()).extracting(Hook::id).containsOnlyOnce(hook).doesNotContain(othersHook);
        RecordedRequest request = github.requests().stream().filter(recorded -> recorded.method().equals("DELETE")
                && recorded.path().endsWith("/hooks/" + hook)).findFirst().orElseThrow();
        assertThat(request.path()).isEqualTo("/api/v3/repos/" + shop.fullName() + "/hooks/" + hook);
        assertThat(request.header("Authorization")).startsWith("Bearer ");
        assertThat(webhookRows(kept)).isEqualTo(1);

        bus.republish(deletion);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, deletion.id()) == 1);
        assertThat(github.requests()).filteredOn(recorded -> recorded.method().equals("DELETE")
                && recorded.path().endsWith("/hooks/" + hook)).hasSize(1);
    }

    @Test
    void countsAWebhookAlreadyGoneFromGitHubAsDeleted() throws Exception {
        GitHubUser owner = user("gone");
        GitHubRepository shop = github.addRepository(owner, "shop", null, "main");
        UUID ownerId = accountIdOf(signedIn(owner));
        UUID projectId = UUID.randomUUID();
        long hook = registeredHook(projectId, ownerId, shop);
        HttpResponse<String> removed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(github.apiUrl() + "/repos/" + shop.fullName() + "/hooks/" + hook))
                .header("Authorization", "token " + github.issueToken(owner)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(204);

        bus.publish(new ProjectDeleted(projectId, "shop-gone", ownerId, ownerId, shop.fullName()));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhookRows(projectId) == 0);
        assertThat(github.requests()).filteredOn(recorded -> recorded.method().equals("DELETE")
                && recorded.path().endsWith("/hooks/" + hook)).hasSize(2);
    }

    @Test
    void triesTheDeletionAgainWhileGitHubIsDown() throws Exception {
        GitHubUser owner = user("patient-deleter");
        GitHubRepository shop = github.addRepository(owner, "shop", null, "main");
        UUID ownerId = accountIdOf(signedIn(owner));
        UUID projectId = UUID.randomUUID();
        long hook = registeredHook(projectId, ownerId, shop);
        github.failNextApiCalls(2, 502);

        bus.publish(new ProjectDeleted(projectId, "shop-patient", ownerId, ownerId, shop.fullName()));

        await().atMost(Duration.ofSeconds(60)).until(() -> webhookRows(projectId) == 0);
        assertThat(github.hooks(shop)).isEmpty();
        assertThat(github.deletedHooks()).extracting(Hook::id).contains(hook);
    }

    /** Registers the project's webhook through ProjectCreated; answers GitHub's id of it. */
    private long registeredHook(UUID projectId, UUID ownerId, GitHubRepository repository) throws Exception {
        bus.publish(new ProjectCreated(projectId, "shop", ownerId, repository.cloneUrl(), "main",
                repository.fullName()));
        return codec.read(awaitEvent("identity.webhook-registered", projectId), WebhookRegistered.class).hookId();
    }

    private int webhookRows(UUID projectId) {
        return jdbc.queryForObject("select count(*) from github_webhooks where project_id = ?", Integer.class,
                projectId);
    }

    private Api signedIn(GitHubUser user) {
        github.signInAs(user);
        Api api = Api.on(port);
        Api.Response session = api.post("/api/v1/auth/github/exchange",
                Map.of("code", loginCode(signInThroughBrowser(api))));
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        return api.as(session.text("accessToken"));
    }

    private static Api.Response register(Api api, String email) {
        Api.Response registered = api.register(email);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered;
    }

    private static UUID accountIdOf(Api api) {
        return UUID.fromString(api.get("/api/v1/auth/me").text("id"));
    }

    /** A hook with the project's URL, as a registration that crashed before recording it leaves behind. */
    private static long createHookDirectly(GitHubUser owner, GitHubRepository repository, UUID projectId)
            throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(github.apiUrl() + "/repos/" + repository.fullName() + "/hooks"))
                .header("Authorization", "token " + github.issueToken(owner))
                .POST(HttpRequest.BodyPublishers.ofString("{\"config\":{\"url\":\""
                        + GitHubTesting.WEBHOOK_URL + "?project=" + projectId + "\",\"content_type\":\"json\",\"secret\":\"old\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return Api.JSON.readTree(response.body()).get("id").asLong();
    }

    private static EventEnvelope awaitEvent(String type, UUID projectId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> events(type, projectId), list -> !list.isEmpty())
                .getFirst();
    }

    /**
     * The failure with {@code reason} in it. Contexts of other test classes still alive in this JVM consume the same
     * events with databases of their own and may report other failures for the same project.
     */
    private static WebhookRegistrationFailed awaitFailure(UUID projectId, String reason) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> events("identity.webhook-registration-failed",
                projectId).stream().map(envelope -> codec.read(envelope, WebhookRegistrationFailed.class))
                .filter(failure -> failure.reason().contains(reason)).findFirst().orElse(null), failure -> failure != null);
    }

    private static List<EventEnvelope> events(String type, UUID projectId) {
        return published.stream().filter(envelope -> envelope.type().equals(type)
                && envelope.aggregateId().equals(projectId.toString())).toList();
    }

    private static JsonNode find(JsonNode repositories, String fullName) {
        for (JsonNode repository : repositories) {
            if (repository.get("fullName").asString().equals(fullName)) {
                return repository;
            }
        }
        throw new AssertionError(fullName + " is not listed");
    }

    /** Computed here from the spec, not with the code under test. */
    private static String expectedSecret(UUID projectId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(GitHubTesting.WEBHOOK_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("github-webhook:" + projectId).getBytes(StandardCharsets.UTF_8)));
    }

    private static GitHubUser user(String login) {
        long id = ids.incrementAndGet();
        return github.addUser(login + "-" + id, id, login + "-" + id + "@example.com", true);
    }
}
