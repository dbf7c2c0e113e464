package dev.paas.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.paas.identity.Api;
import dev.paas.identity.Api.Response;
import dev.paas.identity.IdentityIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Personal API tokens: created once with their secret, listed without it, revoked, exchanged by the gateway. */
class ApiTokensIT extends IdentityIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Api signedIn(String email) {
        return api().as(api().register(email).text("accessToken"));
    }

    private Response exchange(String token) {
        return api().post("/internal/api-tokens/exchange", Map.of("token", token));
    }

    @Test
    void createsListsExchangesAndRevokesAToken() throws Exception {
        Api owner = signedIn("scripter@example.com");
        Response created = owner.post("/api/v1/auth/tokens", Map.of("name", "  ci deploys "));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.text("token");
        assertThat(secret).startsWith("paas_pat_").hasSize(9 + 43);
        assertThat(created.text("prefix")).isEqualTo(secret.substring(0, 12));
        assertThat(created.text("name")).isEqualTo("ci deploys");
        Instant createdAt = Instant.parse(created.text("createdAt"));
        assertThat(Duration.between(createdAt, Instant.parse(created.text("expiresAt")))).isEqualTo(Duration.ofDays(90));
        assertThat(created.header("Location")).endsWith("/api/v1/auth/tokens/" + created.text("id"));

        Response listed = owner.get("/api/v1/auth/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret.substring(12));
        JsonNode entry = listed.json().get(0);
        assertThat(entry.get("id").asString()).isEqualTo(created.text("id"));
        assertThat(entry.get("prefix").asString()).isEqualTo(created.text("prefix"));
        assertThat(entry.get("lastUsedAt").isNull()).isTrue();

        Response exchanged = exchange(secret);
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
        assertThat(exchanged.json().get("expiresIn").asLong()).isEqualTo(300);
        JWTClaimsSet claims = SignedJWT.parse(exchanged.text("accessToken")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("auth")).isEqualTo("api-token");
        assertThat(claims.getStringClaim("email")).isEqualTo("scripter@example.com");
        assertThat(api().as(exchanged.text("accessToken")).get("/api/v1/auth/me").text("auth")).isEqualTo("api-token");
        assertThat(owner.get("/api/v1/auth/tokens").json().get(0).get("lastUsedAt").isNull()).isFalse();

        assertThat(owner.delete("/api/v1/auth/tokens/" + created.text("id")).status()).isEqualTo(204);
        assertThat(exchange(secret).status()).isEqualTo(401);
        assertThat(owner.get("/api/v1/auth/tokens").json().size()).isZero();
        assertThat(owner.delete("/api/v1/auth/tokens/" + created.text("id")).status()).isEqualTo(404);

        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ?", Integer.class, secret))
                .isZero();
        assertThat(jdbc.queryForList("select action from audit_log where target = ? order by at", String.class,
                created.text("id"))).containsExactly("token.created", "token.revoked");
    }

    @Test
    void hidesOtherUsersTokens() {
        Api alice = signedIn("alice@example.com");
        Api mallory = signedIn("mallory@example.com");
        Response created = alice.post("/api/v1/auth/tokens", Map.of("name", "alice's"));

        Response stolen = mallory.delete("/api/v1/auth/tokens/" + created.text("id"));
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(stolen.text("detail")).isEqualTo("API token " + created.text("id") + " not found");
        assertThat(mallory.get("/api/v1/auth/tokens").json().size()).isZero();
        assertThat(exchange(created.text("token")).status()).isEqualTo(200);
        assertThat(mallory.delete("/api/v1/auth/tokens/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void refusesAnExpiredToken() {
        Api owner = signedIn("shortlived@example.com");
        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Response created = owner.post("/api/v1/auth/tokens", Map.of("name", "brief", "expiresAt", soon.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(Instant.parse(created.text("expiresAt"))).isEqualTo(soon);
        assertThat(exchange(created.text("token")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> exchange(created.text("token")).status() == 401);
        assertThat(owner.get("/api/v1/auth/tokens").json().get(0).get("expired").asBoolean()).isTrue();
    }

    @Test
    void validatesNameAndExpiry() {
        Api owner = signedIn("validator@example.com");
        assertThat(owner.post("/api/v1/auth/tokens", Map.of("name", " ")).status()).isEqualTo(400);
        assertThat(owner.post("/api/v1/auth/tokens", Map.of("name", "x", "expiresInDays", 366)).status())
                .isEqualTo(400);
        assertThat(owner.post("/api/v1/auth/tokens", Map.of("name", "x", "expiresInDays", 0)).status()).isEqualTo(400);
        assertThat(owner.post("/api/v1/auth/tokens", Map.of("name", "x", "expiresAt", "2000-01-01T00:00:00Z"))
                .status()).isEqualTo(400);
        assertThat(owner.post("/api/v1/auth/tokens", Map.of("name", "x", "expiresInDays", 5,
                "expiresAt", Instant.now().plusSeconds(3600).toString())).status()).isEqualTo(400);

        Response week = owner.post("/api/v1/auth/tokens", Map.of("name", "week", "expiresInDays", 7));
        assertThat(week.status()).isEqualTo(201);
        assertThat(Duration.between(Instant.parse(week.text("createdAt")), Instant.parse(week.text("expiresAt"))))
                .isEqualTo(Duration.ofDays(7));
        assertThat(owner.post("/api/v1/auth/tokens", Map.of("name", "year", "expiresInDays", 365)).status())
                .isEqualTo(201);
    }

    @Test
    void refusesUnknownAndMalformedTokens() {
        Response unknown = exchange("paas_pat_" + "b".repeat(43));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(exchange("garbage").status()).isEqualTo(401);
        assertThat(api().post("/internal/api-tokens/exchange", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void refusesTokensOfADisabledAccount() {
        Response admin = api().register("tokens-admin@example.com");
        Api adminApi = api().as(admin.text("accessToken"));
        Response user = api().register("soon-disabled@example.com");
        Response created = api().as(user.text("accessToken")).post("/api/v1/auth/tokens", Map.of("name", "mine"));
        assertThat(exchange(created.text("token")).status()).isEqualTo(200);

        // tokens-admin is one of the shared context's admins (IdentityIntegrationTest.ADMIN_EMAILS).
        Response disabled = adminApi.post("/api/v1/admin/users/" + user.json().get("user").get("id").asString()
                + "/disable", Map.of());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(exchange(created.text("token")).status()).isEqualTo(401);
    }

    @Test
    void neverAcceptsTheTokenAsABearerTokenDirectly() {
        Api owner = signedIn("direct@example.com");
        String secret = owner.post("/api/v1/auth/tokens", Map.of("name", "direct")).text("token");
        assertThat(api().as(secret).get("/api/v1/auth/me").status()).isEqualTo(401);
    }
}
