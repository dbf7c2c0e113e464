package dev.paas.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.identity.Api;
import dev.paas.identity.Api.Response;
import dev.paas.identity.IdentityIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** What admins can do to users, what non-admins cannot, and the audit trail it leaves. */
// Counts the platform's admins, so it needs a platform of its own: no configured admins (its first account is the
// one admin), a database of the context's own, which this class's tests change, so no other class can use it after.
@DirtiesContext
@TestPropertySource(properties = "paas.identity.admin-emails=")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminIT extends IdentityIntegrationTest {

    private Api admin;
    private String adminId;

    @BeforeAll
    void registerTheFirstAccount() {
        Response root = Api.on(port).from("192.0.2.1").register("root@example.com");
        assertThat(root.json().get("user").get("role").asString()).isEqualTo("admin");
        admin = Api.on(port).from("192.0.2.10").as(root.text("accessToken"));
        adminId = root.json().get("user").get("id").asString();
    }

    private static String idOf(Response session) {
        return session.json().get("user").get("id").asString();
    }

    @Test
    void listsUsers() {
        api().register("listed@example.com");
        Response users = admin.get("/api/v1/admin/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().findValuesAsString("email")).contains("root@example.com", "listed@example.com");
        assertThat(users.body()).doesNotContain("argon2").doesNotContain("password_hash");
    }

    @Test
    void refusesNonAdminsWith403() {
        Api user = api().as(api().register("plain@example.com").text("accessToken"));
        for (String path : List.of("/api/v1/admin/users", "/api/v1/admin/audit")) {
            Response forbidden = user.get(path);
            assertThat(forbidden.status()).as(path).isEqualTo(403);
            assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(user.post("/api/v1/admin/users/" + adminId + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(user.post("/api/v1/admin/signing-keys/rotate", Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/admin/users").status()).isEqualTo(401);
    }

    @Test
    void promotesAndDemotesUsers() {
        Response session = api().register("promoted@example.com");
        String id = idOf(session);

        Response promoted = admin.post("/api/v1/admin/users/" + id + "/role", Map.of("role", "admin"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("admin");

        // A fresh sign-in carries the new role and opens the admin API.
        Api asNewAdmin = api().as(api().login("promoted@example.com", Api.PASSWORD).text("accessToken"));
        assertThat(asNewAdmin.get("/api/v1/admin/users").status()).isEqualTo(200);

        assertThat(admin.post("/api/v1/admin/users/" + id + "/role", Map.of("role", "user")).text("role"))
                .isEqualTo("user");
        assertThat(admin.post("/api/v1/admin/users/" + id + "/role", Map.of("role", "root")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/users/" + UUID.randomUUID() + "/role", Map.of("role", "user")).status())
                .isEqualTo(404);
    }

    @Test
    void disablesAndEnablesAUser() {
        Response session = api().register("disabled@example.com");
        String id = idOf(session);

        Response disabled = admin.post("/api/v1/admin/users/" + id + "/disable", Map.of());
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();

        Response login = api().login("disabled@example.com", Api.PASSWORD);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.text("detail")).contains("disabled");
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", session.text("refreshToken"))).status())
                .isEqualTo(401);

        assertThat(admin.post("/api/v1/admin/users/" + id + "/enable", Map.of()).json().get("disabled").asBoolean())
                .isFalse();
        assertThat(api().login("disabled@example.com", Api.PASSWORD).status()).isEqualTo(200);
        // Disabling revoked the old session for good; enabling does not bring it back.
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", session.text("refreshToken"))).status())
                .isEqualTo(401);
    }

    @Test
    void neverLeavesThePlatformWithoutAnEnabledAdmin() {
        Response demoteSelf = admin.post("/api/v1/admin/users/" + adminId + "/role", Map.of("role", "user"));
        assertThat(demoteSelf.status()).isEqualTo(409);
        assertThat(demoteSelf.text("detail")).contains("last enabled admin");
        Response disableSelf = admin.post("/api/v1/admin/users/" + adminId + "/disable", Map.of());
        assertThat(disableSelf.status()).isEqualTo(409);

        String deputy = idOf(api().register("deputy@example.com"));
        admin.post("/api/v1/admin/users/" + deputy + "/role", Map.of("role", "admin"));
        admin.post("/api/v1/admin/users/" + deputy + "/disable", Map.of());
        // A disabled admin does not count: root is still the last enabled one.
        assertThat(admin.post("/api/v1/admin/users/" + adminId + "/role", Map.of("role", "user")).status())
                .isEqualTo(409);
        admin.post("/api/v1/admin/users/" + deputy + "/enable", Map.of());
        admin.post("/api/v1/admin/users/" + deputy + "/role", Map.of("role", "user"));
        assertThat(admin.get("/api/v1/admin/users").json().findValues("role").stream().map(JsonNode::asString)
                .filter("admin"::equals).count()).isEqualTo(1);
    }

    @Test
    void recordsActionsWithActorTargetAndClientAddress() {
        Response session = Api.on(port).from("198.51.100.7").register("audited@example.com");
        String id = idOf(session);
        Api user = api().from("198.51.100.8").as(session.text("accessToken"));
        user.post("/api/v1/auth/tokens", Map.of("name", "audited token"));
        admin.post("/api/v1/admin/users/" + id + "/role", Map.of("role", "admin"));
        admin.post("/api/v1/admin/users/" + id + "/role", Map.of("role", "user"));

        JsonNode registered = admin.get("/api/v1/admin/audit?action=account.registered&actorId=" + id).json();
        assertThat(registered.size()).isEqualTo(1);
        assertThat(registered.get(0).get("clientIp").asString()).isEqualTo("198.51.100.7");
        assertThat(registered.get(0).get("actorEmail").asString()).isEqualTo("audited@example.com");
        assertThat(registered.get(0).get("detail").get("method").asString()).isEqualTo("password");

        JsonNode signedIn = admin.get("/api/v1/admin/audit?action=auth.signed-in&actorId=" + id).json();
        assertThat(signedIn.get(0).get("detail").get("method").asString()).isEqualTo("password");

        JsonNode tokenCreated = admin.get("/api/v1/admin/audit?action=token.created&actorId=" + id).json();
        assertThat(tokenCreated.get(0).get("clientIp").asString()).isEqualTo("198.51.100.8");
        assertThat(tokenCreated.get(0).get("detail").get("name").asString()).isEqualTo("audited token");

        JsonNode roleChanges = admin.get("/api/v1/admin/audit?action=user.role-changed&actorId=" + adminId).json();
        JsonNode newest = roleChanges.get(0);
        assertThat(newest.get("target").asString()).isEqualTo(id);
        assertThat(newest.get("clientIp").asString()).isEqualTo("192.0.2.10");
        assertThat(newest.get("detail").get("to").asString()).isEqualTo("user");
        assertThat(roleChanges.get(1).get("detail").get("to").asString()).isEqualTo("admin");

        JsonNode page = admin.get("/api/v1/admin/audit?limit=1&before="
                + newest.get("at").asString()).json();
        assertThat(page.size()).isEqualTo(1);
        assertThat(Instant.parse(page.get(0).get("at").asString()))
                .isBefore(Instant.parse(newest.get("at").asString()));

        assertThat(admin.get("/api/v1/admin/audit?limit=100000").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/audit?actorId=nope").status()).isEqualTo(400);
    }
}
