package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The front door under abuse: sign-in limits, lock-out, token reuse, personal API tokens, headers, CORS, sizes. */
class EdgeIT {

    @Test
    void aBurstOfSignInsFromOneAddressIsRateLimited() {
        Platform client = Platform.anonymous();
        HttpResponse<String> limited = null;
        int attempts = 0;
        // A new e-mail each time, so that identity-service's per-account slow-down never answers first.
        for (; attempts < 30 && limited == null; attempts++) {
            HttpResponse<String> response = client.post("/api/v1/auth/login", unknownCredentials());
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            }
        }

        assertThat(limited).as("a 429 within 30 sign-ins from one address").isNotNull();
        assertThat(attempts).as("sign-ins let through before the limit").isGreaterThan(5);
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(Platform.anonymous().post("/api/v1/auth/login", unknownCredentials()).statusCode())
                .as("another address is not limited").isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithoutRevealingWhetherItExists() {
        Platform victim = Platform.signedUp("victim");
        String wrong = Platform.JSON.writeValueAsString(Map.of("email", victim.email(), "password", "wrong password!"));
        String unknown = Platform.JSON.writeValueAsString(
                Map.of("email", "ghost-" + UUID.randomUUID() + "@e2e.paas.localhost", "password", "wrong password!"));

        HttpResponse<String> first = Platform.anonymous().post("/api/v1/auth/login", wrong);
        HttpResponse<String> ghost = Platform.anonymous().post("/api/v1/auth/login", unknown);
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(ghost.statusCode()).isEqualTo(401);
        assertThat(Platform.json(ghost).get("detail")).isEqualTo(Platform.json(first).get("detail"));

        // Each attempt from a new address: the account itself is what gets locked. Short waits between the first
        // failures (a Retry-After of seconds) give way to a lock of minutes.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> attempt = Platform.anonymous().post("/api/v1/auth/login", wrong);
            return attempt.statusCode() == 429 && retryAfter(attempt) > 60;
        });
        HttpResponse<String> right = Platform.anonymous().post("/api/v1/auth/login", Platform.credentials(victim.email()));
        assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeFamily() {
        Platform client = Platform.anonymous();
        String email = "refresh-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.paas.localhost";
        JsonNode session = Platform.json(client.post("/api/v1/auth/register", Platform.credentials(email)));
        String first = session.get("refreshToken").asString();

        HttpResponse<String> rotated = client.post("/api/v1/auth/refresh", refresh(first));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = Platform.json(rotated).get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);

        assertThat(client.post("/api/v1/auth/refresh", refresh(first)).statusCode()).as("reuse").isEqualTo(401);
        assertThat(client.post("/api/v1/auth/refresh", refresh(second)).statusCode())
                .as("the family was revoked by the reuse").isEqualTo(401);
    }

    @Test
    void personalApiTokensWorkForScriptsUntilRevoked() {
        Platform owner = Platform.signedUp("scripter");
        HttpResponse<String> created = owner.post("/api/v1/auth/tokens", "{\"name\":\"deploy script\",\"expiresInDays\":30}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode token = Platform.json(created);
        String secret = token.get("token").asString();
        assertThat(secret).startsWith("paas_pat_");
        assertThat(owner.get("/api/v1/auth/tokens").body()).doesNotContain(secret);

        Platform script = owner.withToken(secret);
        assertThat(script.get("/api/v1/projects").statusCode()).isEqualTo(200);
        assertThat(script.json(script.get("/api/v1/auth/me")).get("email").asString()).isEqualTo(owner.email());

        assertThat(owner.delete("/api/v1/auth/tokens/" + token.get("id").asString()).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(2))
                .until(() -> script.get("/api/v1/projects").statusCode() == 401);
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        Platform user = Platform.signedUp("headers");
        for (HttpResponse<String> response : new HttpResponse[] {Platform.anonymous().get("/"),
                user.get("/api/v1/projects"), Platform.anonymous().get("/api/v1/projects")}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
        }
        assertThat(Platform.anonymous().get("/").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
    }

    @Test
    void corsIsClosedAndOversizedBodiesAreRefused() {
        HttpResponse<String> preflight = Platform.anonymous().send("OPTIONS", "/api/v1/projects",
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), null);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(403);

        Platform user = Platform.signedUp("big-body");
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(user.post("/api/v1/projects", huge).statusCode()).isEqualTo(413);
    }

    private static String unknownCredentials() {
        return Platform.credentials("nobody-" + UUID.randomUUID() + "@e2e.paas.localhost");
    }

    private static long retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L);
    }

    private static String refresh(String token) {
        return Platform.JSON.writeValueAsString(Map.of("refreshToken", token));
    }
}
