package dev.paas.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deployment's runtime and a project's containers are their owner's: others get the answer an unknown
 * deployment or project gets. The releases are recorded as already failed, so no container is started.
 */
class RuntimeOwnershipIT extends RuntimeIntegrationSupport {

    private final HttpClient http = HttpClient.newHttpClient();
    private final UUID owner = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID deploymentId = UUID.randomUUID();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void ownersReleaseFailed() {
        jdbc.update("""
                insert into releases (deployment_id, project_id, owner_id, slug, image_tag, port, status, error,
                                      attempts, created_at, updated_at, version)
                values (?, ?, ?, 'owned', 'paas-test/none:1', 3000, 'FAILED', 'image not found', 0, now(), now(), 1)""",
                deploymentId, projectId, owner);
    }

    @Test
    void answersAnotherUsersDeploymentAndProjectLikeUnknownOnes() throws Exception {
        UUID missing = UUID.randomUUID();
        for (String[] endpoint : List.of(
                new String[] {"/api/v1/deployments/%s/runtime", deploymentId.toString()},
                new String[] {"/api/v1/projects/%s/containers", projectId.toString()})) {
            HttpResponse<String> foreign = get(endpoint[0].formatted(endpoint[1]), tokens().user(stranger));
            HttpResponse<String> unknown = get(endpoint[0].formatted(missing), tokens().user(stranger));

            assertThat(foreign.statusCode()).as(endpoint[0]).isEqualTo(404);
            assertThat(unknown.statusCode()).as(endpoint[0]).isEqualTo(404);
            assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(foreign.body().replace(endpoint[1], "ID")).isEqualTo(unknown.body().replace(missing.toString(),
                    "ID"));
            assertThat(get(endpoint[0].formatted(endpoint[1]), tokens().user(owner)).statusCode()).as(endpoint[0])
                    .isEqualTo(200);
        }
        assertThat(get("/api/v1/deployments/" + deploymentId + "/runtime", tokens().user(owner)).body())
                .contains("\"status\":\"FAILED\"").contains("image not found");
        assertThat(get("/api/v1/projects/" + projectId + "/containers", tokens().user(owner)).body()).isEqualTo("[]");
    }

    @Test
    void refusesRequestsWithoutAValidToken() throws Exception {
        for (String token : new String[] {null, tokens().expired(owner), tokens().algNone(owner),
                tokens().otherKey(owner), tokens().hs256WithPublicKey(owner)}) {
            for (String path : List.of("/api/v1/deployments/" + deploymentId + "/runtime",
                    "/api/v1/projects/" + projectId + "/containers")) {
                HttpResponse<String> response = get(path, token);
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            }
        }
    }

    private static TestTokens tokens() {
        return TestTokens.shared();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
