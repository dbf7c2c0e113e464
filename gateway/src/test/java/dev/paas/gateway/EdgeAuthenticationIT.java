package dev.paas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Authentication at the edge: what reaches a service needs a valid access token (or an API token exchanged for one),
 * admin paths need the admin role, and services learn who called through headers the gateway alone sets.
 */
class EdgeAuthenticationIT extends GatewayIntegrationTest {

    @Test
    void refusesAProtectedPathWithoutAToken() {
        HttpResponse<String> response = gateway.get("/api/v1/projects");

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(SERVICES.count("/api/v1/projects")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "alg-none", "hs256-with-public-key", "wrong-issuer", "wrong-audience",
            "unknown-key", "not-a-user-id", "garbage"})
    void refusesTokensThatAreNotValidAccessTokens(String kind) {
        String path = "/api/v1/projects/" + kind;
        HttpResponse<String> response = gateway.get(path, forged(kind));

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer error=\"invalid_token\"");
        assertThat(SERVICES.count(path)).isZero();
    }

    @Test
    void forwardsAValidTokenUnchangedWithTheCallersAddress() {
        UUID userId = UUID.randomUUID();
        String token = TOKENS.user(userId);

        HttpResponse<String> response = gateway.send(gateway.to("/api/v1/projects/mine")
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
                .header("X-Paas-Client-Ip", "6.6.6.6")
                .header("X-Paas-User-Id", UUID.randomUUID().toString())
                .header("X-Paas-Admin", "true"));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeServices.Received received = SERVICES.last("/api/v1/projects/mine").orElseThrow();
        assertThat(received.header("Authorization")).hasValue("Bearer " + token);
        // The gateway's peer is loopback (as Caddy is), so the last forwarded hop is the caller.
        assertThat(received.header("X-Paas-Client-Ip")).hasValue("203.0.113.7");
        assertThat(received.header("X-Paas-User-Id")).hasValue(userId.toString());
        assertThat(received.header("X-Paas-Admin")).isEmpty();
    }

    @Test
    void usesThePeerAddressWhenNothingWasForwarded() {
        gateway.send(gateway.to("/api/v1/projects/direct").header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .header("X-Paas-Client-Ip", "6.6.6.6"));

        assertThat(SERVICES.last("/api/v1/projects/direct").orElseThrow().header("X-Paas-Client-Ip"))
                .hasValue("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/auth/register",
            "POST, /api/v1/auth/login",
            "POST, /api/v1/auth/refresh",
            "POST, /api/v1/auth/logout",
            "GET, /api/v1/auth/jwks",
            "GET, /api/v1/auth/github/authorize",
            "GET, /api/v1/auth/github/callback",
            "POST, /api/v1/auth/github/exchange"
    })
    void letsAnybodySignIn(String method, String path) {
        HttpResponse<String> response = gateway.send(gateway.to(path)
                .header("X-Forwarded-For", uniqueAddress())
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("service " + path);
    }

    @Test
    void ignoresAStaleTokenSentWithASignIn() {
        HttpResponse<String> response = gateway.send(gateway.to("/api/v1/auth/login")
                .header("X-Forwarded-For", uniqueAddress())
                .header("Authorization", "Bearer " + TOKENS.expired(UUID.randomUUID()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheDashboardAndHealthWithoutAToken() {
        HttpResponse<String> index = gateway.get("/index.html");
        Matcher script = Pattern.compile("<script type=\"module\" crossorigin src=\"(/assets/[^\"]+\\.js)\"")
                .matcher(index.body());

        assertThat(gateway.get("/").statusCode()).isEqualTo(200);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(script.find()).as("the dashboard's script in index.html").isTrue();
        assertThat(gateway.get(script.group(1)).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void leavesWebhooksToTheirSignatureCheck() {
        HttpResponse<String> response = gateway.post("/webhooks/github", null, "{}");

        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void keepsCircuitBreakerFallbacksInternal() {
        assertThat(gateway.get("/unavailable/project-service").statusCode()).isEqualTo(401);
        assertThat(gateway.get("/unavailable/project-service", TOKENS.user(UUID.randomUUID())).statusCode()).isEqualTo(403);
    }

    @Test
    void letsTheHostsOwnPrometheusScrapeButNothingThroughTheIngress() {
        assertThat(gateway.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(gateway.get("/actuator/gateway/routes").statusCode()).isEqualTo(401);

        HttpResponse<String> throughIngress = gateway.send(gateway.to("/actuator/prometheus")
                .header("X-Forwarded-For", uniqueAddress()).GET());
        HttpResponse<String> userThroughIngress = gateway.send(gateway.to("/actuator/prometheus")
                .header("X-Forwarded-For", uniqueAddress())
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID())).GET());
        HttpResponse<String> adminThroughIngress = gateway.send(gateway.to("/actuator/prometheus")
                .header("X-Forwarded-For", uniqueAddress())
                .header("Authorization", "Bearer " + TOKENS.admin(UUID.randomUUID())).GET());
        assertUnauthorized(throughIngress);
        assertThat(userThroughIngress.statusCode()).isEqualTo(403);
        assertThat(adminThroughIngress.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/users", "/api/v1/admin/audit", "/api/v1/admin/projects",
            "/actuator/gateway/routes"})
    void keepsAdminPathsForAdministrators(String path) {
        HttpResponse<String> anonymous = gateway.get(path);
        HttpResponse<String> user = gateway.get(path, TOKENS.user(UUID.randomUUID()));
        HttpResponse<String> admin = gateway.get(path, TOKENS.admin(UUID.randomUUID()));

        assertUnauthorized(anonymous);
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(user.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(user.body()).contains("\"status\":403");
        assertThat(admin.statusCode()).isEqualTo(200);
    }

    @Test
    void exchangesAnApiTokenForAnAccessTokenAndRemembersIt() {
        UUID userId = UUID.randomUUID();
        String apiToken = "paas_pat_" + UUID.randomUUID().toString().replace("-", "");
        String accessToken = TOKENS.with(userId, claims -> claims.claim("auth", "api-token"));
        SERVICES.acceptApiToken(apiToken, accessToken);
        int exchangesBefore = SERVICES.exchanges();

        HttpResponse<String> first = gateway.get("/api/v1/projects/by-script", apiToken);
        HttpResponse<String> second = gateway.get("/api/v1/projects/by-script", apiToken);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        FakeServices.Received received = SERVICES.last("/api/v1/projects/by-script").orElseThrow();
        assertThat(received.header("Authorization")).hasValue("Bearer " + accessToken);
        assertThat(received.header("X-Paas-User-Id")).hasValue(userId.toString());
        assertThat(SERVICES.exchanges() - exchangesBefore).isEqualTo(1);
    }

    @Test
    void refusesAnApiTokenIdentityServiceDoesNotKnow() {
        HttpResponse<String> response = gateway.get("/api/v1/projects/revoked", "paas_pat_revokedrevokedrevoked");

        assertUnauthorized(response);
        assertThat(response.body()).contains("API token");
        assertThat(SERVICES.count("/api/v1/projects/revoked")).isZero();
    }

    private static String forged(String kind) {
        return switch (kind) {
            case "expired" -> TOKENS.expired(UUID.randomUUID());
            case "alg-none" -> TOKENS.algNone(UUID.randomUUID());
            case "hs256-with-public-key" -> TOKENS.hs256WithPublicKey(UUID.randomUUID());
            case "wrong-issuer" -> TOKENS.wrongIssuer(UUID.randomUUID());
            case "wrong-audience" -> TOKENS.wrongAudience(UUID.randomUUID());
            case "unknown-key" -> TOKENS.unknownKey(UUID.randomUUID());
            case "not-a-user-id" -> TOKENS.withSubject("root");
            default -> "not.a.jwt";
        };
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    /** A documentation-range address of its own, so sign-in rate limits of one test never reach another. */
    static String uniqueAddress() {
        UUID random = UUID.randomUUID();
        return "2001:db8:" + Long.toHexString(random.getMostSignificantBits() & 0xffff) + "::"
                + Long.toHexString(random.getLeastSignificantBits() & 0xffff);
    }
}
