package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Deleting a project: its rows go in one transaction with the {@code ProjectDeleted} outbox row, whatever state its
 * deployments are in; the audit record stays; the slug is free again; nobody else can delete it.
 */
class ProjectDeletionIT extends ProjectServiceIntegrationTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deletesTheProjectAndAllItsRowsAnnouncesItKeepsTheAuditRecordAndFreesTheSlug() throws Exception {
        String name = "doomed " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode project = createProject(owner, "{\"name\":\"" + name + "\",\"repoUrl\":\"https://github.com/acme/doomed.git\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());
        String slug = project.get("slug").asString();
        UUID building = UUID.fromString(json(post("/api/v1/projects/" + projectId + "/deployments", null, owner))
                .get("id").asString());
        post("/api/v1/projects/" + projectId + "/deployments", null, owner);
        bus.publish(new BuildStarted(building, projectId, owner));
        String delivery = UUID.randomUUID().toString();
        bus.publish(new GitPushReceived(delivery, projectId, "acme/doomed", "main",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "fix", "octocat"));
        bus.publish(new AppStateChanged(projectId, owner, "STOPPED", 0, "stopped by its owner", owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("push_deliveries", projectId) == 1
                && count("project_events", projectId) == 4 && count("project_runtime", projectId) == 1);

        HttpResponse<String> foreign = send("DELETE", "/api/v1/projects/" + projectId, null, tokens.user(stranger));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(count("projects", projectId)).as("the stranger deleted nothing").isEqualTo(1);

        HttpResponse<String> deleted = send("DELETE", "/api/v1/projects/" + projectId, null, tokens.user(owner));
        assertThat(deleted.statusCode()).isEqualTo(204);

        assertThat(jdbc.queryForObject("select count(*) from outbox_event where aggregate_id = ? and subject = ?",
                Integer.class, projectId.toString(), "paas.project.project-deleted.v1")).isEqualTo(1);
        assertThat(awaitPublished(ProjectDeleted.class, event -> event.projectId().equals(projectId)))
                .isEqualTo(new ProjectDeleted(projectId, slug, owner, owner, null));
        assertThat(count("projects", projectId)).isZero();
        assertThat(count("deployments", projectId)).as("queued and building deployments too").isZero();
        assertThat(count("push_deliveries", projectId)).isZero();
        assertThat(count("project_events", projectId)).isZero();
        assertThat(count("project_runtime", projectId)).isZero();
        Map<String, Object> audit = jdbc.queryForMap("select * from project_audit where project_id = ?", projectId);
        assertThat(audit).containsEntry("actor_id", owner).containsEntry("slug", slug)
                .containsEntry("action", "DELETED");

        assertThat(get("/api/v1/projects/" + projectId, owner).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/projects/" + projectId, null, tokens.user(owner)).statusCode())
                .as("deleting twice").isEqualTo(404);
        assertThat(get("/api/v1/deployments/" + building, owner).statusCode()).isEqualTo(404);
        assertThat(createProject(owner, "{\"name\":\"" + name
                + "\",\"repoUrl\":\"https://github.com/acme/doomed.git\"}").get("slug").asString())
                .as("the slug is free again").isEqualTo(slug);
    }

    @Test
    void anAdministratorDeletesSomeoneElsesProjectAndReadsTheAuditTrail() throws Exception {
        UUID admin = UUID.randomUUID();
        JsonNode project = createProject(owner, "{\"name\":\"moderated\",\"repoUrl\":\"https://github.com/acme/m.git\","
                + "\"githubRepository\":\"acme/moderated\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());

        assertThat(send("DELETE", "/api/v1/projects/" + projectId, null, tokens.admin(admin)).statusCode())
                .isEqualTo(204);

        assertThat(awaitPublished(ProjectDeleted.class, event -> event.projectId().equals(projectId)))
                .isEqualTo(new ProjectDeleted(projectId, project.get("slug").asString(), owner, admin,
                        "acme/moderated"));
        HttpResponse<String> trail = send("GET", "/api/v1/admin/projects/audit?limit=50", null, tokens.admin(admin));
        assertThat(trail.statusCode()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode candidate : json(trail)) {
            if (candidate.get("projectId").asString().equals(projectId.toString())) {
                entry = candidate;
            }
        }
        assertThat(entry).as("the deletion in the audit trail").isNotNull();
        assertThat(entry.get("actorId").asString()).isEqualTo(admin.toString());
        assertThat(entry.get("action").asString()).isEqualTo("DELETED");
        assertThat(entry.get("detail").asString()).contains("administrator").contains(owner.toString());
        assertThat(get("/api/v1/admin/projects/audit", owner).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/projects/audit?limit=0", null, tokens.admin(admin)).statusCode())
                .isEqualTo(400);
    }

    private int count(String table, UUID projectId) {
        String column = table.equals("projects") ? "id" : "project_id";
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class,
                projectId);
    }
}
