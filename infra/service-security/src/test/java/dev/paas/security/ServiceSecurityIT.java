package dev.paas.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service secured by this module, called over HTTP with good, missing and forged tokens. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"paas.security.public-paths=/public/**", "management.endpoints.web.exposure.include=health,info"})
class ServiceSecurityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();
    private final UUID user = UUID.randomUUID();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        tokens = TestTokens.registerWith(registry);
    }

    @Test
    void namesTheCallerOfAValidToken() throws Exception {
        HttpResponse<String> response = get("/api/v1/things/" + UUID.randomUUID(), tokens.user(user), "203.0.113.7");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("userId").asString()).isEqualTo(user.toString());
        assertThat(body.get("email").asString()).isEqualTo("user-" + user.toString().substring(0, 8) + "@test.paas");
        assertThat(body.get("admin").asBoolean()).isFalse();
        assertThat(body.get("clientIp").asString()).isEqualTo("203.0.113.7");
    }

    @Test
    void fallsBackToThePeerAddressWithoutTheGatewayHeader() throws Exception {
        HttpResponse<String> response = get("/api/v1/things/" + UUID.randomUUID(), tokens.user(user), null);

        assertThat(JSON.readTree(response.body()).get("clientIp").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void answersAMissingTokenWith401ProblemAndABearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/v1/things/" + UUID.randomUUID(), null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("detail").asString()).contains("bearer token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "wrongIssuer", "wrongAudience", "algNone", "otherKey", "unknownKey", "hs256",
        "garbage"})
    void rejectsForgedAndInvalidTokens(String kind) throws Exception {
        String token = switch (kind) {
            case "expired" -> tokens.expired(user);
            case "wrongIssuer" -> tokens.wrongIssuer(user);
            case "wrongAudience" -> tokens.wrongAudience(user);
            case "algNone" -> tokens.algNone(user);
            case "otherKey" -> tokens.otherKey(user);
            case "unknownKey" -> tokens.unknownKey(user);
            case "hs256" -> tokens.hs256WithPublicKey(user);
            default -> "not-a-jwt";
        };

        HttpResponse<String> response = get("/api/v1/things/" + UUID.randomUUID(), token, null);

        assertThat(response.statusCode()).as(kind).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).startsWith("the access token was rejected");
    }

    @Test
    void rejectsATokenWhoseSubjectIsNoUserId() throws Exception {
        HttpResponse<String> response = get("/api/v1/things/" + UUID.randomUUID(), tokens.withSubject("root"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("not a user id");
    }

    @Test
    void letsOnlyAdministratorsOntoAdminPaths() throws Exception {
        HttpResponse<String> asUser = get("/api/v1/admin/things", tokens.user(user), null);
        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(asUser.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(asUser.body()).get("detail").asString())
                .isEqualTo("you may not call this endpoint: it needs the admin role or is internal");

        HttpResponse<String> asAdmin = get("/api/v1/admin/things", tokens.admin(user), null);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(asAdmin.body()).get("admin").asBoolean()).isTrue();

        assertThat(get("/api/v1/admin/things", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void leavesHealthAndTheApiDocumentOpen() throws Exception {
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null, null).statusCode()).isNotIn(401, 403);
        assertThat(get("/v3/api-docs", null, null).statusCode()).isNotIn(401, 403);
    }

    @Test
    void asksForATokenWhenAPublicEndpointWantsTheCaller() throws Exception {
        assertThat(get("/public/whoami", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/public/whoami", tokens.user(user), null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token, String clientIp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        if (clientIp != null) {
            request.header("X-Paas-Client-Ip", clientIp);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
