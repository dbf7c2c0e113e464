package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One tenant never sees or touches another's resources: for every endpoint that takes an id, another user's id gets
 * exactly what an id that does not exist gets (404), through the gateway and every service behind it, while the
 * owner gets the resource. Admin paths need the admin role.
 */
class OwnershipIT {

    private static final Platform alice = Platform.signedUp("alice");
    private static final Platform mallory = Platform.signedUp("mallory");

    private static String projectId;
    private static String deploymentId;
    private static String tokenId;

    /** Alice's project, deployed and running, so every service holds something of hers. */
    @BeforeAll
    static void aliceDeploysAnApp() throws Exception {
        Path repo = SampleRepositories.create("static-site", "main");
        projectId = alice.createProject("Alice Site", SampleRepositories.url(repo), "main").get("id").asString();
        deploymentId = alice.deploy(projectId).get("id").asString();
        alice.awaitSettled(deploymentId);
        assertThat(alice.deployment(deploymentId).get("status").asString()).isEqualTo("RUNNING");
        HttpResponse<String> token = alice.post("/api/v1/auth/tokens", "{\"name\":\"ci\",\"expiresInDays\":7}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        tokenId = alice.json(token).get("id").asString();
    }

    /** Every id-taking endpoint, with the status its owner gets. */
    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/projects/" + projectId, null, 200),
                new Endpoint("PATCH", "/api/v1/projects/" + projectId, "{\"autoDeploy\":false}", 200),
                new Endpoint("GET", "/api/v1/projects/" + projectId + "/deployments", null, 200),
                new Endpoint("GET", "/api/v1/deployments/" + deploymentId, null, 200),
                new Endpoint("GET", "/api/v1/deployments/" + deploymentId + "/build-log", null, 200),
                new Endpoint("GET", "/api/v1/builds/" + deploymentId, null, 200),
                new Endpoint("GET", "/api/v1/deployments/" + deploymentId + "/runtime", null, 200),
                new Endpoint("GET", "/api/v1/projects/" + projectId + "/containers", null, 200),
                new Endpoint("GET", "/api/v1/metrics/deployments/" + deploymentId + "/time-to-live", null, 200),
                new Endpoint("GET", "/api/v1/billing/projects/" + projectId + "/usage", null, 200),
                // Last: they change state.
                new Endpoint("POST", "/api/v1/projects/" + projectId + "/deployments", "", 202),
                new Endpoint("DELETE", "/api/v1/auth/tokens/" + tokenId, null, 204));
    }

    @Test
    void anotherUsersIdIsIndistinguishableFromAMissingOne() {
        for (Endpoint endpoint : endpoints()) {
            HttpResponse<String> foreign = endpoint.call(mallory);
            HttpResponse<String> missing = endpoint.withIdsReplaced().call(mallory);

            assertThat(foreign.statusCode()).as("%s by another user: %s", endpoint, foreign.body()).isEqualTo(404);
            assertThat(missing.statusCode()).as("%s with an unknown id", endpoint).isEqualTo(404);
        }
        for (Endpoint endpoint : endpoints()) {
            HttpResponse<String> own = endpoint.call(alice);
            assertThat(own.statusCode()).as("%s by its owner: %s", endpoint, own.body()).isEqualTo(endpoint.ownerStatus());
        }
    }

    @Test
    void listingsShowOnlyTheCallersOwnProjects() {
        JsonNode mine = alice.json(alice.get("/api/v1/projects"));
        JsonNode theirs = mallory.json(mallory.get("/api/v1/projects"));

        assertThat(mine.findValuesAsString("id")).contains(projectId);
        assertThat(theirs.findValuesAsString("id")).doesNotContain(projectId);
    }

    @Test
    void adminPathsNeedTheAdminRole() {
        Platform admin = Platform.admin();
        for (String path : List.of("/api/v1/admin/users", "/api/v1/admin/audit", "/api/v1/admin/projects")) {
            assertThat(mallory.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        JsonNode audit = admin.json(admin.get("/api/v1/admin/audit?action=auth.signed-in&limit=500"));
        assertThat(audit.toString()).contains(alice.email());
        JsonNode projects = admin.json(admin.get("/api/v1/admin/projects"));
        assertThat(projects.findValuesAsString("id")).contains(projectId);
    }

    @Test
    void requestsWithoutAValidTokenAreRefused() {
        assertThat(Platform.anonymous().get("/api/v1/projects").statusCode()).isEqualTo(401);
        assertThat(alice.withToken("not-a-token").get("/api/v1/projects").statusCode()).isEqualTo(401);
        assertThat(alice.withToken(Tokens.unsigned(alice.accessToken())).get("/api/v1/projects").statusCode())
                .as("alg: none").isEqualTo(401);
        assertThat(alice.withToken(Tokens.tampered(alice.accessToken())).get("/api/v1/projects").statusCode())
                .as("payload changed after signing").isEqualTo(401);
    }

    private record Endpoint(String method, String path, String body, int ownerStatus) {

        HttpResponse<String> call(Platform caller) {
            return caller.send(method, path, body == null ? Map.of() : Map.of("Content-Type", "application/json"),
                    body);
        }

        Endpoint withIdsReplaced() {
            return new Endpoint(method, path.replace(projectId, UUID.randomUUID().toString())
                    .replace(deploymentId, UUID.randomUUID().toString())
                    .replace(tokenId, UUID.randomUUID().toString()), body, ownerStatus);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
