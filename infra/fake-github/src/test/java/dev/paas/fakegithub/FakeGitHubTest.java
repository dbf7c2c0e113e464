package dev.paas.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FakeGitHubTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDIRECT = "http://127.0.0.1:1/callback";
    private static final String VERIFIER = "a-verifier-that-is-long-enough-to-be-a-real-pkce-verifier-0123";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeGitHub github;
    private GitHubUser octocat;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        octocat = github.addUser("octocat", 583231, "octocat@example.com", true);
        octocat.addEmail("old@example.com", false);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void runsTheOAuthWebFlowWithPkceForTheSignedInUser() throws Exception {
        github.signInAs(octocat);
        String code = authorize("xyz");

        HttpResponse<String> token = exchange(code, VERIFIER, REDIRECT, "application/json");
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(token.body());
        assertThat(answer.get("token_type").asString()).isEqualTo("bearer");
        assertThat(answer.get("scope").asString()).isEqualTo("read:user,user:email,repo,admin:repo_hook");
        String accessToken = answer.get("access_token").asString();

        JsonNode user = JSON.readTree(api("GET", "/user", "Bearer " + accessToken, null).body());
        assertThat(user.get("login").asString()).isEqualTo("octocat");
        assertThat(user.get("id").asLong()).isEqualTo(583231);
        JsonNode emails = JSON.readTree(api("GET", "/user/emails", "token " + accessToken, null).body());
        assertThat(emails).hasSize(2);
        assertThat(emails.get(0).get("email").asString()).isEqualTo("octocat@example.com");
        assertThat(emails.get(0).get("primary").asBoolean()).isTrue();
        assertThat(emails.get(0).get("verified").asBoolean()).isTrue();
        assertThat(emails.get(1).get("verified").asBoolean()).isFalse();
    }

    @Test
    void refusesUnknownClientsAndAuthorizationsWithoutPkce() throws Exception {
        github.signInAs(octocat);
        assertThat(get(github.baseUrl() + "/login/oauth/authorize?client_id=other&redirect_uri=" + REDIRECT
                + "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256").statusCode()).isEqualTo(400);
        assertThat(get(github.baseUrl() + "/login/oauth/authorize?client_id=paas-test-client&redirect_uri="
                + REDIRECT).statusCode()).isEqualTo(400);
        assertThat(get(github.baseUrl() + "/login/oauth/authorize?client_id=paas-test-client&redirect_uri="
                + REDIRECT + "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=plain").statusCode())
                .isEqualTo(400);
    }

    @Test
    void redirectsWithAccessDeniedWhenNobodyIsSignedIn() throws Exception {
        HttpResponse<String> response = get(authorizeUrl("s1"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT + "?error=access_denied").endsWith("&state=s1");
    }

    @Test
    void exchangesACodeOnlyOnceAndOnlyWithTheRightVerifierSecretAndRedirect() throws Exception {
        github.signInAs(octocat);
        String code = authorize("s");
        assertThat(error(exchange(code, "wrong-verifier-wrong-verifier-wrong-verifier-123", REDIRECT, "application/json")))
                .isEqualTo("bad_verification_code");
        assertThat(error(exchange(code, VERIFIER, REDIRECT, "application/json"))).as("single use")
                .isEqualTo("bad_verification_code");

        String second = authorize("s");
        assertThat(error(exchange(second, VERIFIER, "http://127.0.0.1:1/elsewhere", "application/json")))
                .isEqualTo("redirect_uri_mismatch");

        HttpResponse<String> wrongSecret = http.send(HttpRequest.newBuilder(
                URI.create(github.baseUrl() + "/login/oauth/access_token"))
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=paas-test-client&client_secret=nope&code="
                        + authorize("s") + "&code_verifier=" + VERIFIER)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error(wrongSecret)).isEqualTo("incorrect_client_credentials");

        HttpResponse<String> formEncoded = exchange(authorize("s"), VERIFIER, REDIRECT, "*/*");
        assertThat(formEncoded.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/x-www-form-urlencoded");
        assertThat(formEncoded.body()).startsWith("access_token=gho_").contains("token_type=bearer");
    }

    @Test
    void answersBadCredentialsToUnknownAndRevokedTokens() throws Exception {
        HttpResponse<String> unknown = api("GET", "/user", "Bearer gho_nope", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unknown.body()).get("message").asString()).isEqualTo("Bad credentials");
        assertThat(api("GET", "/user", null, null).statusCode()).isEqualTo(401);

        String token = github.issueToken(octocat);
        assertThat(api("GET", "/user", "Bearer " + token, null).statusCode()).isEqualTo(200);
        github.revokeTokens(octocat);
        assertThat(api("GET", "/user", "Bearer " + token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesRepositoriesWithALinkHeader() throws Exception {
        for (int i = 0; i < 45; i++) {
            github.addRepository(octocat, String.format("repo-%02d", i), null, "main");
        }
        GitHubUser other = github.addUser("hubot", 2, "hubot@example.com", true);
        GitHubRepository shared = github.addRepository(other, "shared", null, "trunk");
        github.grantAccess(shared, octocat, false);
        github.addRepository(other, "hidden", null, "main");
        String token = "Bearer " + github.issueToken(octocat);

        HttpResponse<String> first = api("GET", "/user/repos?per_page=20", token, null);
        JsonNode firstPage = JSON.readTree(first.body());
        assertThat(firstPage).hasSize(20);
        JsonNode sharedJson = firstPage.get(0);
        assertThat(sharedJson.get("full_name").asString()).isEqualTo("hubot/shared");
        assertThat(sharedJson.get("default_branch").asString()).isEqualTo("trunk");
        assertThat(sharedJson.get("permissions").get("admin").asBoolean()).isFalse();
        assertThat(first.headers().firstValue("Link").orElseThrow())
                .contains("<" + github.apiUrl() + "/user/repos?per_page=20&page=2>; rel=\"next\"")
                .contains("page=3>; rel=\"last\"");
        HttpResponse<String> last = api("GET", "/user/repos?per_page=20&page=3", token, null);
        JsonNode repositories = JSON.readTree(last.body());
        assertThat(repositories).hasSize(6);
        assertThat(last.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"");
        assertThat(repositories.get(5).get("full_name").asString()).isEqualTo("octocat/repo-44");
        assertThat(repositories.get(5).get("permissions").get("admin").asBoolean()).isTrue();
        assertThat(repositories.get(5).get("clone_url").asString())
                .isEqualTo(github.baseUrl() + "/octocat/repo-44.git");
    }

    @Test
    void listsBranchesOfVisibleRepositoriesOnly() throws Exception {
        GitHubRepository shop = github.addRepository(octocat, "shop", "https://example.test/shop.git", "main", "dev");
        String token = "Bearer " + github.issueToken(octocat);
        JsonNode branches = JSON.readTree(api("GET", "/repos/octocat/shop/branches", token, null).body());
        assertThat(branches).hasSize(2);
        assertThat(branches.get(0).get("name").asString()).isEqualTo("main");
        assertThat(branches.get(0).get("commit").get("sha").asString()).isEqualTo(shop.branches().get("main"));
        assertThat(api("GET", "/repos/octocat/nope/branches", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void registersHooksOnlyForAdminsAndOnlyOncePerUrl() throws Exception {
        GitHubRepository shop = github.addRepository(octocat, "shop", null, "main");
        String token = "Bearer " + github.issueToken(octocat);
        String hook = "{\"name\":\"web\",\"active\":true,\"events\":[\"push\"],\"config\":{\"url\":"
                + "\"http://127.0.0.1:1/webhooks/github\",\"content_type\":\"json\",\"secret\":\"s3cret\"}}";

        HttpResponse<String> created = api("POST", "/repos/octocat/shop/hooks", token, hook);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(JSON.readTree(created.body()).get("config").get("secret").asString()).isEqualTo("********");
        assertThat(github.hooks(shop)).singleElement().satisfies(registered -> {
            assertThat(registered.secret()).isEqualTo("s3cret");
            assertThat(registered.url()).isEqualTo("http://127.0.0.1:1/webhooks/github");
            assertThat(registered.events()).containsExactly("push");
            assertThat(registered.contentType()).isEqualTo("json");
        });
        assertThat(api("POST", "/repos/octocat/shop/hooks", token, hook).statusCode()).isEqualTo(422);

        GitHubUser reader = github.addUser("reader", 3, "reader@example.com", true);
        github.grantAccess(shop, reader, false);
        assertThat(api("POST", "/repos/octocat/shop/hooks", "Bearer " + github.issueToken(reader), hook).statusCode())
                .isEqualTo(404);

        assertThat(JSON.readTree(api("GET", "/repos/octocat/shop/hooks", token, null).body())).hasSize(1);
        assertThat(api("GET", "/repos/octocat/shop/hooks/" + id, token, null).statusCode()).isEqualTo(200);
        assertThat(api("DELETE", "/repos/octocat/shop/hooks/" + id, token, null).statusCode()).isEqualTo(204);
        assertThat(github.hooks(shop)).isEmpty();
        assertThat(github.deletedHooks()).singleElement().satisfies(deleted -> {
            assertThat(deleted.id()).isEqualTo(id);
            assertThat(deleted.repository()).isEqualTo("octocat/shop");
        });
        assertThat(api("DELETE", "/repos/octocat/shop/hooks/" + id, token, null).statusCode()).isEqualTo(404);
        assertThat(github.deletedHooks()).hasSize(1);
        assertThat(github.requests()).filteredOn(request -> request.method().equals("DELETE"))
                .extracting(RecordedRequest::path).containsOnly("/api/v3/repos/octocat/shop/hooks/" + id)
                .hasSize(2);
    }

    @Test
    void deliversSignedPushesToEveryHookAndRedeliversThemUnchanged() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(Map.of("event", exchange.getRequestHeaders().getFirst("X-GitHub-Event"),
                    "delivery", exchange.getRequestHeaders().getFirst("X-GitHub-Delivery"),
                    "signature", exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try {
            GitHubRepository shop = github.addRepository(octocat, "shop", "https://example.test/shop.git", "main");
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/github";
            api("POST", "/repos/octocat/shop/hooks", "token " + github.issueToken(octocat),
                    "{\"events\":[\"push\"],\"config\":{\"url\":\"" + url + "\",\"content_type\":\"json\","
                            + "\"secret\":\"s3cret\"}}");
            String before = shop.branches().get("main");
            String sha = "a".repeat(40);

            List<Delivery> deliveries = github.push(shop, "main", sha, "fix the thing");

            assertThat(deliveries).singleElement().satisfies(delivery -> {
                assertThat(delivery.status()).isEqualTo(202);
                assertThat(delivery.header("X-GitHub-Event")).isEqualTo("push");
                assertThat(delivery.header("X-Hub-Signature-256"))
                        .isEqualTo(FakeGitHub.signature("s3cret", delivery.body()))
                        .isEqualTo("sha256=" + hmacSha256("s3cret", delivery.body()));
            });
            Delivery delivery = deliveries.getFirst();
            JsonNode payload = JSON.readTree(delivery.body());
            assertThat(payload.get("ref").asString()).isEqualTo("refs/heads/main");
            assertThat(payload.get("before").asString()).isEqualTo(before);
            assertThat(payload.get("after").asString()).isEqualTo(sha);
            assertThat(payload.get("repository").get("full_name").asString()).isEqualTo("octocat/shop");
            assertThat(payload.get("repository").get("clone_url").asString()).isEqualTo("https://example.test/shop.git");
            assertThat(payload.get("repository").get("id").asLong()).isEqualTo(shop.id());
            assertThat(payload.get("pusher").get("name").asString()).isEqualTo("octocat");
            assertThat(payload.get("head_commit").get("message").asString()).isEqualTo("fix the thing");
            assertThat(shop.branches().get("main")).isEqualTo(sha);
            assertThat(received).singleElement().satisfies(request -> {
                assertThat(request.get("body")).isEqualTo(delivery.body());
                assertThat(request.get("delivery")).isEqualTo(delivery.id());
            });

            Delivery again = github.redeliver(delivery);
            assertThat(again.id()).isEqualTo(delivery.id());
            assertThat(received.get(1).get("body")).isEqualTo(delivery.body());
            assertThat(received.get(1).get("signature")).isEqualTo(delivery.header("X-Hub-Signature-256"));

            assertThat(github.ping(shop)).singleElement()
                    .satisfies(ping -> assertThat(ping.header("X-GitHub-Event")).isEqualTo("ping"));
            assertThat(received.get(2).get("event")).isEqualTo("ping");
            assertThat(github.deliveries()).hasSize(3);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void failsStagedApiCallsWithTheGivenStatus() throws Exception {
        String token = "Bearer " + github.issueToken(octocat);
        github.failNextApiCalls(1, 502);
        assertThat(api("GET", "/user", token, null).statusCode()).isEqualTo(502);
        assertThat(api("GET", "/user", token, null).statusCode()).isEqualTo(200);
    }

    private String authorizeUrl(String state) throws Exception {
        return github.baseUrl() + "/login/oauth/authorize?client_id=paas-test-client&redirect_uri=" + REDIRECT
                + "&scope=read:user%20user:email%20repo%20admin:repo_hook&state=" + state
                + "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256";
    }

    private String authorize(String state) throws Exception {
        HttpResponse<String> response = get(authorizeUrl(state));
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=" + state);
        return location.substring((REDIRECT + "?code=").length(), location.indexOf("&state="));
    }

    private HttpResponse<String> exchange(String code, String verifier, String redirect, String accept)
            throws Exception {
        String form = "client_id=paas-test-client&client_secret=paas-test-secret&code=" + code + "&redirect_uri="
                + redirect + "&code_verifier=" + verifier;
        return http.send(HttpRequest.newBuilder(URI.create(github.baseUrl() + "/login/oauth/access_token"))
                .header("Accept", accept).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("error").asString(null);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(github.apiUrl() + path))
                .header("Accept", "application/vnd.github+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String hmacSha256(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
