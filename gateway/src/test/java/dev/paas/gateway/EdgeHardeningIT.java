package dev.paas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.tokens.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Browser hardening headers on everything the gateway serves, body size limits and a closed CORS policy. */
class EdgeHardeningIT extends GatewayIntegrationTest {

    private static final String ALLOWED_ORIGIN = "https://console.example.test";
    private static final int MEBIBYTE = 1024 * 1024;

    @DynamicPropertySource
    static void cors(DynamicPropertyRegistry registry) {
        registry.add("paas.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN + ", https://other.example.test");
    }

    @Test
    void hardensProxiedApiAnswers() {
        HttpResponse<String> response = gateway.get("/api/v1/projects", TOKENS.user(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertHardened(response.headers(), "default-src 'none'; frame-ancestors 'none'");
        // The service said SAMEORIGIN, named its server software and allowed every origin: none of it survives.
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void hardensTheDashboardWithAPolicyForItsOwnFiles() {
        HttpResponse<String> response = gateway.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertHardened(response.headers(), "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'");
    }

    @Test
    void hardensErrorsOfTheGatewayItself() {
        HttpResponse<String> unauthorized = gateway.get("/api/v1/projects");
        HttpResponse<String> missing = gateway.get("/no-such-file.js");

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertHardened(unauthorized.headers(), "default-src 'none'; frame-ancestors 'none'");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(missing.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void pinsHttpsOnlyWhenTheIngressTerminatedTls() {
        HttpResponse<String> plain = gateway.get("/");
        HttpResponse<String> behindTls = gateway.send(gateway.to("/").header("X-Forwarded-Proto", "https"));

        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000; includeSubDomains");
    }

    @Test
    void refusesAnApiBodyAboveOneMebibyte() {
        HttpResponse<String> response = gateway.send(gateway.to("/api/v1/projects/too-large")
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * MEBIBYTE])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
        assertThat(SERVICES.count("/api/v1/projects/too-large")).isZero();
    }

    @Test
    void refusesAChunkedApiBodyOnceItPassesOneMebibyte() {
        HttpResponse<String> response = gateway.send(gateway.to("/api/v1/projects/too-large-chunked")
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .header("Content-Type", "application/json")
                .POST(chunked(2 * MEBIBYTE)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(SERVICES.count("/api/v1/projects/too-large-chunked")).isZero();
    }

    @Test
    void passesAChunkedApiBodyWithinTheLimitOnWhole() {
        HttpResponse<String> response = gateway.send(gateway.to("/api/v1/projects/chunked")
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .header("Content-Type", "application/json")
                .POST(chunked(MEBIBYTE / 2)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.last("/api/v1/projects/chunked").orElseThrow().bodyLength()).isEqualTo(MEBIBYTE / 2);
    }

    @Test
    void allowsLargerWebhookDeliveriesThanApiBodies() {
        HttpResponse<String> twoMebibytes = gateway.send(gateway.to("/webhooks/github")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * MEBIBYTE])));
        HttpResponse<String> sixMebibytes = gateway.send(gateway.to("/webhooks/github")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[6 * MEBIBYTE])));

        assertThat(twoMebibytes.statusCode()).isNotEqualTo(413);
        assertThat(sixMebibytes.statusCode()).isEqualTo(413);
    }

    @Test
    void refusesPreflightsFromForeignOrigins() {
        HttpResponse<String> response = gateway.send(preflight("https://evil.example.test"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void answersPreflightsFromConfiguredOrigins() {
        HttpResponse<String> response = gateway.send(preflight(ALLOWED_ORIGIN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
    }

    @Test
    void answersRequestsFromConfiguredOriginsForThatOriginOnly() {
        HttpResponse<String> response = gateway.send(gateway.to("/api/v1/projects")
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .header("Origin", ALLOWED_ORIGIN));

        assertThat(response.statusCode()).isEqualTo(200);
        // The service answered with a wildcard; the gateway names the one origin it allows.
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED_ORIGIN);
    }

    @Test
    void givesForeignOriginsNoCorsHeadersOnRequests() {
        HttpResponse<String> response = gateway.send(gateway.to("/api/v1/projects")
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .header("Origin", "https://evil.example.test"));

        assertThat(response.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    private HttpRequest.Builder preflight(String origin) {
        return gateway.to("/api/v1/projects")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    /** A body of unknown length, which the client sends chunked. */
    private static HttpRequest.BodyPublisher chunked(int size) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size]));
    }

    private static void assertHardened(HttpHeaders headers, String contentSecurityPolicy) {
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(contentSecurityPolicy);
        assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).isPresent();
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
    }
}
