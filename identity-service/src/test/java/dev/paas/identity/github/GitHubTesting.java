package dev.paas.identity.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.fakegithub.FakeGitHub;
import dev.paas.identity.Api;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points identity-service at a fake GitHub and walks a browser through the OAuth redirects. */
final class GitHubTesting {

    static final String DASHBOARD = "http://dashboard.test";
    static final String REDIRECT = "http://paas.test/api/v1/auth/github/callback";
    static final String WEBHOOK_URL = "http://127.0.0.1:9/webhooks/github";
    static final String WEBHOOK_KEY = "test-webhook-key";

    private static final HttpClient BROWSER = HttpClient.newHttpClient();

    private GitHubTesting() {
    }

    /**
     * GitHub at {@code github}, on top of what {@code IdentityIntegrationTest} sets up. The binding gets a durable
     * consumer of its own ({@code group}), so contexts of other test classes that live on in the same JVM cannot
     * take this class's events.
     */
    static void configure(DynamicPropertyRegistry registry, FakeGitHub github, String group) {
        registry.add("paas.github.client-id", github::clientId);
        registry.add("paas.github.client-secret", github::clientSecret);
        registry.add("paas.github.oauth-url", github::baseUrl);
        registry.add("paas.github.api-url", github::apiUrl);
        registry.add("paas.github.redirect-url", () -> REDIRECT);
        registry.add("paas.github.dashboard-url", () -> DASHBOARD);
        registry.add("paas.webhooks.url", () -> WEBHOOK_URL);
        registry.add("paas.webhooks.key", () -> WEBHOOK_KEY);
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.group", () -> group);
    }

    /** Follows authorize → GitHub → callback as a browser would; answers where the callback sent it. */
    static String signInThroughBrowser(Api api) {
        Api.Response authorize = api.get("/api/v1/auth/github/authorize");
        assertThat(authorize.status()).as(authorize.toString()).isEqualTo(302);
        return approveAtGitHubAndComeBack(api, authorize.header("Location"));
    }

    /** The browser at GitHub's authorize URL: GitHub approves and redirects back to our callback. */
    static String approveAtGitHubAndComeBack(Api api, String authorizeUrl) {
        HttpResponse<String> atGitHub = browse(authorizeUrl);
        assertThat(atGitHub.statusCode()).as(atGitHub.body()).isEqualTo(302);
        String back = atGitHub.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(REDIRECT + "?");
        return callback(api, back.substring(back.indexOf('?') + 1));
    }

    static String callback(Api api, String query) {
        Api.Response callback = api.get("/api/v1/auth/github/callback?" + query);
        assertThat(callback.status()).as(callback.toString()).isEqualTo(302);
        assertThat(callback.header("Cache-Control")).contains("no-store");
        return callback.header("Location");
    }

    /** The one-time login code of a successful callback redirect. */
    static String loginCode(String dashboardLocation) {
        assertThat(dashboardLocation).startsWith(DASHBOARD + "/#github-login=");
        return URLDecoder.decode(dashboardLocation.substring((DASHBOARD + "/#github-login=").length()),
                StandardCharsets.UTF_8);
    }

    /** The message of a failed callback redirect. */
    static String error(String dashboardLocation) {
        assertThat(dashboardLocation).startsWith(DASHBOARD + "/#github-error=");
        return URLDecoder.decode(dashboardLocation.substring((DASHBOARD + "/#github-error=").length()),
                StandardCharsets.UTF_8);
    }

    static HttpResponse<String> browse(String url) {
        try {
            return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot GET " + url, e);
        }
    }
}
