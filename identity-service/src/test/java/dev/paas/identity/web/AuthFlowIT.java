package dev.paas.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.identity.Api;
import dev.paas.identity.Api.Response;
import dev.paas.identity.IdentityIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Registration, sign-in, the caller's account, refresh with reuse detection and sign-out, over HTTP. */
class AuthFlowIT extends IdentityIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesPasswordsOnlyAsArgon2Hashes() {
        api().register("hashed@example.com");
        String hash = jdbc.queryForObject("select password_hash from accounts where email = 'hashed@example.com'",
                String.class);
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(Api.PASSWORD);
    }

    @Test
    void refusesATakenEmailWithConflict() {
        assertThat(api().register("taken@example.com").status()).isEqualTo(201);
        Response again = api().register("TAKEN@example.com ");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).isEqualTo("an account with this email already exists");
        assertThat(again.body()).doesNotContain("taken@example.com");
    }

    @Test
    void validatesEmailAndPassword() {
        Response badEmail = api().post("/api/v1/auth/register", Map.of("email", "not-an-email",
                "password", Api.PASSWORD));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        Response shortPassword = api().post("/api/v1/auth/register", Map.of("email", "short@example.com",
                "password", "123456789"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.text("detail")).isEqualTo("password must be 10 to 128 characters");

        Response longPassword = api().post("/api/v1/auth/register", Map.of("email", "long@example.com",
                "password", "x".repeat(129)));
        assertThat(longPassword.status()).isEqualTo(400);
        assertThat(api().post("/api/v1/auth/register", Map.of("email", "longest@example.com",
                "password", "y".repeat(128))).status()).isEqualTo(201);
        assertThat(api().login("longest@example.com", "y".repeat(128)).status()).isEqualTo(200);

        assertThat(api().post("/api/v1/auth/register", "{not json").status()).isEqualTo(400);
    }

    @Test
    void signsInWithNormalisedEmail() {
        api().register("login@example.com");
        Response login = api().login(" LOGIN@example.com", Api.PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("user").get("email").asString()).isEqualTo("login@example.com");
        assertThat(api().as(login.text("accessToken")).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        api().register("victim@example.com");
        Response wrongPassword = api().from("10.1.0.1").login("victim@example.com", "wrong password!");
        Response unknownEmail = api().from("10.1.0.1").login("nobody@example.com", "wrong password!");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(wrongPassword.text("detail")).isEqualTo("invalid email or password");
    }

    @Test
    void refreshRotatesTheTokensAndReuseRevokesTheFamily() {
        Response session = api().register("refresher@example.com");
        String first = session.text("refreshToken");

        Response renewed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        String second = renewed.text("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(renewed.json().get("user").get("email").asString()).isEqualTo("refresher@example.com");
        assertThat(api().as(renewed.text("accessToken")).get("/api/v1/auth/me").text("auth")).isEqualTo("password");

        Response third = api().post("/api/v1/auth/refresh", Map.of("refreshToken", second));
        assertThat(third.status()).isEqualTo(200);

        Response reuse = api().from("10.9.9.9").post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("detail")).contains("already used");

        // The newest token of the family, held by the legitimate client or the thief, is dead too.
        Response afterReuse = api().post("/api/v1/auth/refresh", Map.of("refreshToken", third.text("refreshToken")));
        assertThat(afterReuse.status()).isEqualTo(401);

        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.refresh-token-reused'"
                + " and client_ip = '10.9.9.9' and actor_email = 'refresher@example.com'", Integer.class)).isEqualTo(1);
    }

    @Test
    void refusesUnknownAndMalformedRefreshTokens() {
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", "paas_rt_" + "a".repeat(43))).status())
                .isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", "nonsense")).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void refreshWorksWithAStaleAccessTokenInTheHeader() {
        Response session = api().register("stale@example.com");
        Response renewed = api().as("expired.or.garbage").post("/api/v1/auth/refresh",
                Map.of("refreshToken", session.text("refreshToken")));
        assertThat(renewed.status()).isEqualTo(200);
    }

    @Test
    void signOutEndsTheSession() {
        Response session = api().register("leaver@example.com");
        String refreshToken = session.text("refreshToken");
        Response renewed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));

        Response logout = api().post("/api/v1/auth/logout", Map.of("refreshToken", renewed.text("refreshToken")));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", renewed.text("refreshToken"))).status())
                .isEqualTo(401);
        assertThat(api().post("/api/v1/auth/logout", Map.of("refreshToken", renewed.text("refreshToken"))).status())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.signed-out'"
                + " and actor_email = 'leaver@example.com'", Integer.class)).isEqualTo(1);
    }

    @Test
    void requiresATokenForMe() {
        Response anonymous = api().get("/api/v1/auth/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void neverStoresTokenSecrets() {
        Response session = api().register("secretive@example.com");
        String refreshToken = session.text("refreshToken");
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where token_hash = ?", Integer.class,
                refreshToken)).isZero();
        String everything = String.join("\n", jdbc.queryForList(
                "select detail::text || coalesce(target, '') from audit_log", String.class));
        assertThat(everything).doesNotContain(refreshToken).doesNotContain(Api.PASSWORD)
                .doesNotContain(session.text("accessToken"));
    }
}
