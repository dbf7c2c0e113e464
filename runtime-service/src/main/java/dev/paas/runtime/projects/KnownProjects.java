package dev.paas.runtime.projects;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projects runtime-service knows and their owners. This version knows a project once one of its releases was
 * recorded (table {@code releases}).
 */
@Component
public class KnownProjects {

    private final JdbcClient jdbc;

    KnownProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project, if runtime-service knows it. */
    public Optional<KnownProject> find(UUID projectId) {
        return jdbc.sql("""
                SELECT project_id, slug, owner_id FROM releases WHERE project_id = :project
                ORDER BY owner_id IS NULL, created_at DESC LIMIT 1""")
                .param("project", projectId)
                .query((row, n) -> new KnownProject(row.getObject("project_id", UUID.class), row.getString("slug"),
                        row.getObject("owner_id", UUID.class)))
                .optional();
    }

    /** The project if {@code userId} owns it; empty when it is unknown or someone else's. */
    public Optional<KnownProject> owned(UUID projectId, UUID userId) {
        return find(projectId).filter(project -> project.ownerId() != null && project.ownerId().equals(userId));
    }
}
