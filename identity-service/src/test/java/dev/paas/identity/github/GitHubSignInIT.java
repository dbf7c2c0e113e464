package dev.paas.identity.github;

import static dev.paas.identity.github.GitHubTesting.approveAtGitHubAndComeBack;
import static dev.paas.identity.github.GitHubTesting.browse;
import static dev.paas.identity.github.GitHubTesting.error;
import static dev.paas.identity.github.GitHubTesting.loginCode;
import static dev.paas.identity.github.GitHubTesting.signInThroughBrowser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.fakegithub.FakeGitHub;
import dev.paas.fakegithub.GitHubUser;
import dev.paas.fakegithub.RecordedRequest;
import dev.paas.identity.Api;
import dev.paas.identity.IdentityIntegrationTest;
import dev.paas.sealing.SealedBox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in with GitHub and linking, through the real OAuth redirects against a fake GitHub. */
// The context is bound to this class's fake GitHub, which stops after the class.
@DirtiesContext
class GitHubSignInIT extends IdentityIntegrationTest {

    private static final FakeGitHub github = FakeGitHub.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong ids = new AtomicLong(7_000);
    private static final String CLONE_TOKEN_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void gitHub(DynamicPropertyRegistry registry) {
        GitHubTesting.configure(registry, github, "identity-github-sign-in-it");
        registry.add("paas.identity.clone-token-key", () -> CLONE_TOKEN_KEY);
    }

    /** build-service is told the new token, sealed for that owner under the clone-token key, never in clear. */
    private void assertTokenHandedOnSealed(UUID owner) {
        List<String> envelopes = jdbc.queryForList("select envelope from outbox_event where subject = ?"
                + " and aggregate_id = ?", String.class, "paas.identity.github-token-changed.v1", owner.toString());
        assertThat(envelopes).hasSize(1);
        assertThat(envelopes.getFirst()).doesNotContain("gho_").contains("\"githubLogin\":\"octocat-");
        String sealed = JSON.readTree(envelopes.getFirst()).get("payload").get("sealedToken").asString();
        assertThat(SealedBox.ofBase64(CLONE_TOKEN_KEY, "key").open(sealed, "github-clone-token:" + owner))
                .startsWith("gho_");
    }

    @AfterAll
    static void stopGitHub() {
        github.close();
    }

    @Test
    void signsInWithGitHubAsANewAccountWithThePrimaryVerifiedEmail() {
        GitHubUser octocat = user("octocat", "Octo@Example.com", true);
        github.signInAs(octocat);
        Api api = Api.on(port);

        Api.Response authorize = api.get("/api/v1/auth/github/authorize");
        assertThat(authorize.status()).isEqualTo(302);
        String toGitHub = authorize.header("Location");
        assertThat(toGitHub).startsWith(github.baseUrl() + "/login/oauth/authorize?")
                .contains("client_id=paas-test-client", "code_challenge_method=S256", "state=",
                        "redirect_uri=" + encoded(GitHubTesting.REDIRECT),
                        "scope=read%3Auser%20user%3Aemail%20repo%20admin%3Arepo_hook");
        String code = loginCode(approveAtGitHubAndComeBack(api, toGitHub));

        Api.Response session = api.post("/api/v1/auth/github/exchange", Map.of("code", code));
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        assertThat(session.json().get("user").get("email").asString()).isEqualTo("octo@example.com");
        assertThat(session.text("tokenType")).isEqualTo("Bearer");
        Api.Response me = api.as(session.text("accessToken")).get("/api/v1/auth/me");
        assertThat(me.text("email")).isEqualTo("octo@example.com");
        assertThat(me.text("auth")).isEqualTo("github");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'github.linked' and actor_id = ?",
                Integer.class, UUID.fromString(me.text("id")))).isEqualTo(1);
        assertTokenHandedOnSealed(UUID.fromString(me.text("id")));

        assertThat(api.post("/api/v1/auth/github/exchange", Map.of("code", code)).status()).as("single use")
                .isEqualTo(401);

        String again = loginCode(signInThroughBrowser(api));
        Api.Response second = api.post("/api/v1/auth/github/exchange", Map.of("code", again));
        assertThat(second.json().get("user").get("id").asString()).as("same account, found by GitHub user id")
                .isEqualTo(me.text("id"));
    }

    @Test
    void callsGitHubWithItsRecommendedHeadersAndPkce() {
        GitHubUser hubot = user("hubot", "hubot@example.com", true);
        github.signInAs(hubot);
        Api api = Api.on(port);
        loginCode(signInThroughBrowser(api));

        List<RecordedRequest> calls = github.requests();
        RecordedRequest exchange = calls.stream().filter(r -> r.path().equals("/login/oauth/access_token"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(exchange.header("Accept")).isEqualTo("application/json");
        assertThat(exchange.body()).contains("code_verifier=", "client_secret=paas-test-secret");
        RecordedRequest user = calls.stream().filter(r -> r.path().equals("/api/v3/user"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(user.header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(user.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(user.header("User-Agent")).isNotBlank();
        assertThat(user.header("Authorization")).startsWith("Bearer gho_");
    }

    @Test
    void refusesAnUnknownOrReusedState() {
        GitHubUser mona = user("mona", "mona@example.com", true);
        github.signInAs(mona);
        Api api = Api.on(port);
        Api.Response authorize = api.get("/api/v1/auth/github/authorize");
        String back = browse(authorize.header("Location")).headers().firstValue("Location").orElseThrow();
        String query = back.substring(back.indexOf('?') + 1);

        loginCode(GitHubTesting.callback(api, query));
        assertThat(error(GitHubTesting.callback(api, query))).contains("already used");

        String code = query.substring("code=".length(), query.indexOf('&'));
        assertThat(error(GitHubTesting.callback(api, "code=" + code + "&state=forged"))).contains("start again");
        assertThat(error(GitHubTesting.callback(api, "code=" + code))).contains("no state");
    }

    @Test
    void refusesACodeWhoseVerifierDoesNotMatchTheChallenge() throws Exception {
        GitHubUser eve = user("eve", "eve@example.com", true);
        github.signInAs(eve);
        Api api = Api.on(port);
        String url = api.get("/api/v1/auth/github/authorize?format=json").text("authorizeUrl");
        String challenge = url.replaceAll(".*code_challenge=([^&]*).*", "$1");
        String forged = url.replace("code_challenge=" + challenge, "code_challenge=" + s256("another-verifier"));

        String message = error(approveAtGitHubAndComeBack(api, forged));

        assertThat(message).contains("bad_verification_code");
        assertThat(jdbc.queryForObject("select count(*) from accounts where email = 'eve@example.com'", Integer.class))
                .isZero();
    }

    @Test
    void tellsWhenTheUserCancelsAtGitHub() {
        github.signOut();
        Api api = Api.on(port);
        assertThat(error(signInThroughBrowser(api))).isEqualTo("GitHub sign-in was cancelled");
    }

    @Test
    void linksToThePasswordAccountWithTheSameVerifiedEmail() {
        Api api = Api.on(port);
        String accountId = register(api, "alice@example.com").json().get("user").get("id").asString();
        GitHubUser alice = user("alice-gh", "Alice@Example.com", true);
        github.signInAs(alice);

        Api.Response session = api.post("/api/v1/auth/github/exchange",
                Map.of("code", loginCode(signInThroughBrowser(api))));

        assertThat(session.json().get("user").get("id").asString()).isEqualTo(accountId);
        assertThat(jdbc.queryForObject("select github_login from github_links where account_id = ?::uuid",
                String.class, accountId)).isEqualTo(alice.login());
    }

    @Test
    void neverLinksByAnUnverifiedEmail() {
        Api api = Api.on(port);
        String bobId = register(api, "bob@example.com").json().get("user").get("id").asString();
        GitHubUser impostor = user("not-bob", "bob@example.com", false);
        github.signInAs(impostor);

        assertThat(error(signInThroughBrowser(api))).contains("no verified email");

        GitHubUser impostorWithOther = user("not-bob-either", "bob@example.com", false);
        impostorWithOther.addEmail("mallory@example.com", true);
        github.signInAs(impostorWithOther);
        Api.Response session = api.post("/api/v1/auth/github/exchange",
                Map.of("code", loginCode(signInThroughBrowser(api))));
        assertThat(session.json().get("user").get("email").asString()).isEqualTo("mallory@example.com");
        assertThat(session.json().get("user").get("id").asString()).isNotEqualTo(bobId);
        assertThat(jdbc.queryForObject("select count(*) from github_links where account_id = ?::uuid", Integer.class,
                bobId)).isZero();
    }

    @Test
    void linksGitHubToTheSignedInAccountThatAsks() {
        Api api = Api.on(port);
        Api.Response carol = register(api, "carol@example.com");
        String carolId = carol.json().get("user").get("id").asString();
        GitHubUser carolAtGitHub = user("carol-gh", "carol.private@example.com", true);
        github.signInAs(carolAtGitHub);

        String url = api.as(carol.text("accessToken")).get("/api/v1/auth/github/authorize?format=json")
                .text("authorizeUrl");
        Api.Response session = api.post("/api/v1/auth/github/exchange",
                Map.of("code", loginCode(approveAtGitHubAndComeBack(api, url))));

        assertThat(session.json().get("user").get("id").asString()).isEqualTo(carolId);
        assertThat(jdbc.queryForObject("select github_user_id from github_links where account_id = ?::uuid",
                Long.class, carolId)).isEqualTo(carolAtGitHub.id());
        assertThat(jdbc.queryForObject("select count(*) from accounts where email = 'carol.private@example.com'",
                Integer.class)).isZero();

        Api.Response dave = register(api, "dave@example.com");
        String daveUrl = api.as(dave.text("accessToken")).get("/api/v1/auth/github/authorize?format=json")
                .text("authorizeUrl");
        assertThat(error(approveAtGitHubAndComeBack(api, daveUrl))).contains("already linked to another account");
    }

    @Test
    void keepsTheGitHubTokenEncryptedAndOutOfEveryResponse() {
        GitHubUser secretive = user("secretive", "secretive@example.com", true);
        github.signInAs(secretive);
        Api api = Api.on(port);
        List<String> seen = new ArrayList<>();
        Api.Response authorize = api.get("/api/v1/auth/github/authorize?format=json");
        seen.add(authorize.body());
        String location = approveAtGitHubAndComeBack(api, authorize.text("authorizeUrl"));
        seen.add(location);
        Api.Response session = api.post("/api/v1/auth/github/exchange", Map.of("code", loginCode(location)));
        seen.add(session.body());
        Api.Response me = api.as(session.text("accessToken")).get("/api/v1/auth/me");
        seen.add(me.body());
        github.addRepository(secretive, "vault", null, "main");
        seen.add(api.as(session.text("accessToken")).get("/api/v1/github/repositories").body());
        seen.add(api.as(session.text("accessToken")).get("/api/v1/github/repositories/" + secretive.login() + "/vault/branches").body());

        String token = github.requests().stream().filter(r -> r.path().equals("/api/v3/user"))
                .map(r -> r.header("Authorization")).reduce((first, second) -> second).orElseThrow()
                .substring("Bearer ".length());
        String stored = jdbc.queryForObject("select access_token from github_links where account_id = ?::uuid",
                String.class, me.text("id"));
        assertThat(stored).startsWith("v1:").doesNotContain(token);
        assertThat(seen).noneMatch(body -> body.contains(token));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where detail::text like ?", Integer.class,
                "%" + token + "%")).isZero();
    }

    private static Api.Response register(Api api, String email) {
        Api.Response registered = api.register(email);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered;
    }

    private static GitHubUser user(String login, String email, boolean verified) {
        long id = ids.incrementAndGet();
        return github.addUser(login + "-" + id, id, email, verified);
    }

    private static String encoded(String url) {
        return URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
