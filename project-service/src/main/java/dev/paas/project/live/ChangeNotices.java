package dev.paas.project.live;

import dev.paas.project.deployments.Deployment;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces every saved project and deployment, and every runtime report and deletion, with PostgreSQL's
 * {@code pg_notify} in the transaction that made the change: PostgreSQL delivers it to every replica's
 * {@link ChangeListener} when, and only if, the transaction commits.
 */
@Component
class ChangeNotices {

    static final String CHANNEL = "paas_project_changes";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ChangeNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AfterSaveEvent<?> saved) {
        switch (saved.getEntity()) {
            case Project project -> announce(project.ownerId(), project.id(), null, false);
            case Deployment deployment -> announce(null, deployment.projectId(), deployment.id(), false);
            default -> {
            }
        }
    }

    @EventListener
    void on(ProjectEvents.RuntimeReported reported) {
        announce(reported.ownerId(), reported.projectId(), null, false);
    }

    @EventListener
    void on(ProjectEvents.Deleted deleted) {
        announce(deleted.ownerId(), deleted.projectId(), null, true);
    }

    private void announce(UUID ownerId, UUID projectId, UUID deploymentId, boolean deleted) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("ownerId", ownerId);
        notice.put("projectId", projectId);
        notice.put("deploymentId", deploymentId);
        notice.put("deleted", deleted);
        jdbc.query("select pg_notify(?, ?)", row -> {
        }, CHANNEL, json.writeValueAsString(notice));
    }

    /** A notice as {@link #announce} wrote it. */
    ProjectChanged read(String payload) {
        return json.readValue(payload, ProjectChanged.class);
    }
}
