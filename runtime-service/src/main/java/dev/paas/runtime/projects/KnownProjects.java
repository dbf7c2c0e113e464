package dev.paas.runtime.projects;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects runtime-service knows of. This copy knows a project by its releases only (the newest one names its
 * slug and owner); the ownership copy filled from project-service's events replaces it.
 */
@Service
@Transactional(readOnly = true)
public class KnownProjects {

    private final JdbcTemplate jdbc;

    KnownProjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The project, if runtime-service has heard of it. */
    public Optional<KnownProject> find(UUID projectId) {
        return jdbc.query("""
                select project_id, slug, owner_id from releases where project_id = ?
                order by created_at desc limit 1""",
                (row, i) -> new KnownProject(row.getObject("project_id", UUID.class), row.getString("slug"),
                        row.getObject("owner_id", UUID.class)), projectId).stream().findFirst();
    }

    /** The project, if it is known and {@code userId}'s; someone else's project is answered like an unknown one. */
    public Optional<KnownProject> owned(UUID projectId, UUID userId) {
        return find(projectId).filter(project -> project.ownerId() != null
                && Objects.equals(project.ownerId(), userId));
    }
}
