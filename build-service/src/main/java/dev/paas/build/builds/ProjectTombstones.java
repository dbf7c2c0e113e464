package dev.paas.build.builds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deleted projects ({@code deleted_projects}): whose builds are purged, and which may not be built again. */
@Repository
class ProjectTombstones {

    private final JdbcClient jdbc;

    ProjectTombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the deletion; a repeated one keeps the first. */
    void record(UUID projectId, Instant deletedAt) {
        jdbc.sql("INSERT INTO deleted_projects (project_id, deleted_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(projectId, OffsetDateTime.ofInstant(deletedAt, ZoneOffset.UTC))
                .update();
    }

    boolean isDeleted(UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM deleted_projects WHERE project_id = ?").param(projectId)
                .query(Long.class).single() > 0;
    }

    /** Deleted projects with something left to remove, oldest deletion first. */
    List<UUID> pending(int limit) {
        return jdbc.sql("SELECT project_id FROM deleted_projects WHERE purged_at IS NULL ORDER BY deleted_at LIMIT ?")
                .param(limit)
                .query(UUID.class)
                .list();
    }

    void markPurged(UUID projectId, Instant at) {
        jdbc.sql("UPDATE deleted_projects SET purged_at = ? WHERE project_id = ? AND purged_at IS NULL")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), projectId)
                .update();
    }
}
