package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One tenant can neither see nor touch another's projects and deployments: every endpoint that takes an id answers
 * someone else's exactly like a missing one, listings show the caller's own, and only administrators see everybody's.
 */
class ProjectOwnershipIT extends ProjectServiceIntegrationTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();

    @Autowired
    JdbcTemplate jdbc;

    private String projectId;
    private String deploymentId;

    @BeforeEach
    void ownerDeploysAProject() throws Exception {
        projectId = createProject(owner, "{\"name\":\"private\",\"repoUrl\":\"https://github.com/acme/private.git\"}")
                .get("id").asString();
        deploymentId = json(post("/api/v1/projects/" + projectId + "/deployments", null, owner)).get("id").asString();
    }

    @Test
    void answersEveryIdTakingEndpointOfAnotherUsersProjectLikeAMissingOne() throws Exception {
        String missingProject = UUID.randomUUID().toString();
        String missingDeployment = UUID.randomUUID().toString();
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/v1/projects/%s", null},
                new String[] {"PATCH", "/api/v1/projects/%s", "{\"autoDeploy\":true}"},
                new String[] {"GET", "/api/v1/projects/%s/deployments", null},
                new String[] {"POST", "/api/v1/projects/%s/deployments", null},
                new String[] {"GET", "/api/v1/projects/%s/events", null});
        for (String[] endpoint : endpoints) {
            HttpResponse<String> foreign = send(endpoint[0], endpoint[1].formatted(projectId), endpoint[2],
                    tokens.user(stranger));
            HttpResponse<String> missing = send(endpoint[0], endpoint[1].formatted(missingProject), endpoint[2],
                    tokens.user(stranger));
            assertThat(foreign.statusCode()).as("%s %s", endpoint[0], endpoint[1]).isEqualTo(404);
            assertSameShape(foreign, missing, projectId, missingProject);
            assertThat(send(endpoint[0], endpoint[1].formatted(projectId), endpoint[2], tokens.user(owner))
                    .statusCode()).as("owner: %s %s", endpoint[0], endpoint[1]).isBetween(200, 202);
        }

        HttpResponse<String> foreignDeployment = get("/api/v1/deployments/" + deploymentId, stranger);
        assertThat(foreignDeployment.statusCode()).isEqualTo(404);
        assertSameShape(foreignDeployment, get("/api/v1/deployments/" + missingDeployment, stranger), deploymentId,
                missingDeployment);
        assertThat(get("/api/v1/deployments/" + deploymentId, owner).statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select count(*) from deployments where project_id = ?::uuid", Integer.class,
                projectId)).as("the stranger queued nothing").isEqualTo(2);
        assertThat(json(get("/api/v1/projects/" + projectId, owner)).get("autoDeploy").asBoolean()).isTrue();
    }

    @Test
    void listsOnlyTheCallersOwnProjects() throws Exception {
        createProject(stranger, "{\"name\":\"theirs\",\"repoUrl\":\"https://github.com/acme/theirs.git\"}");

        assertThat(json(get("/api/v1/projects", owner)).findValuesAsString("id")).containsExactly(projectId);
        assertThat(json(get("/api/v1/projects", stranger)).findValuesAsString("id")).doesNotContain(projectId)
                .hasSize(1);
    }

    @Test
    void showsEveryProjectWithItsOwnerToAdministratorsOnly() throws Exception {
        UUID legacy = UUID.randomUUID();
        jdbc.update("""
                insert into projects (id, name, slug, repo_url, branch, created_at, version)
                values (?, 'legacy', ?, 'https://github.com/acme/legacy.git', 'main', now(), 0)""",
                legacy, "legacy-" + legacy.toString().substring(0, 8));

        HttpResponse<String> asUser = get("/api/v1/admin/projects", owner);
        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(asUser.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> asAdmin = send("GET", "/api/v1/admin/projects", null, tokens.admin(UUID.randomUUID()));
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        JsonNode all = json(asAdmin);
        assertThat(all.findValuesAsString("id")).contains(projectId, legacy.toString());
        for (JsonNode project : all) {
            if (project.get("id").asString().equals(projectId)) {
                assertThat(project.get("ownerId").asString()).isEqualTo(owner.toString());
            }
            if (project.get("id").asString().equals(legacy.toString())) {
                assertThat(project.get("ownerId").isNull()).isTrue();
            }
        }
        assertThat(get("/api/v1/projects/" + legacy, owner).statusCode())
                .as("a project without an owner belongs to nobody").isEqualTo(404);
    }

    @Test
    void refusesRequestsWithoutAValidToken() throws Exception {
        for (String token : new String[] {null, tokens.expired(owner), tokens.algNone(owner), tokens.otherKey(owner),
                tokens.wrongIssuer(owner), tokens.hs256WithPublicKey(owner)}) {
            HttpResponse<String> response = send("GET", "/api/v1/projects/" + projectId, null, token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(send("POST", "/api/v1/projects", "{\"name\":\"x\",\"repoUrl\":\"https://github.com/a/b.git\"}",
                null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/projects", null, tokens.algNone(owner)).statusCode()).isEqualTo(401);
    }

    /** Someone else's resource must not be told apart from a missing one: same status, title and wording. */
    private static void assertSameShape(HttpResponse<String> foreign, HttpResponse<String> missing, String foreignId,
            String missingId) {
        assertThat(missing.statusCode()).isEqualTo(foreign.statusCode());
        assertThat(foreign.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
        assertThat(foreign.body().replace(foreignId, "ID")).isEqualTo(missing.body().replace(missingId, "ID"));
    }
}
