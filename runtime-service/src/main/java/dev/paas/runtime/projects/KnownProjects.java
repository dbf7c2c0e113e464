package dev.paas.runtime.projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * runtime-service's own copy of which projects exist and who owns them, fed by project events. Projects created
 * before this copy existed are known from their releases until they are deleted.
 */
@Service
public class KnownProjects {

    private static final RowMapper<KnownProject> PROJECT = (row, number) -> new KnownProject(
            row.getObject("project_id", UUID.class), row.getString("slug"), row.getObject("owner_id", UUID.class));

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    KnownProjects(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The project, when it exists: recorded from its creation, or else known from a release of it. */
    public Optional<KnownProject> find(UUID projectId) {
        Optional<KnownProject> known = jdbc.query("select project_id, slug, owner_id from known_projects "
                + "where project_id = ?", PROJECT, projectId).stream().findFirst();
        if (known.isPresent()) {
            return known;
        }
        return jdbc.query("""
                select project_id, slug, owner_id from releases r
                where project_id = ? and not exists (select 1 from removed_projects d where d.project_id = r.project_id)
                order by (owner_id is null), created_at desc limit 1""", PROJECT, projectId).stream().findFirst();
    }

    /** Whether the project was deleted: events about it that arrive late change nothing. */
    public boolean removed(UUID projectId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from removed_projects where project_id = ?)", Boolean.class, projectId));
    }

    /** The project, when it exists and belongs to {@code userId}; someone else's project is as absent as an unknown one. */
    public Optional<KnownProject> owned(UUID projectId, UUID userId) {
        return find(projectId).filter(project -> userId != null && userId.equals(project.ownerId()));
    }

    /**
     * Records a created project; {@code ownerId} is {@code null} for projects announced before accounts existed.
     * A project that was already recorded, or already removed, stays as it is.
     */
    @Transactional
    public void created(UUID projectId, String slug, UUID ownerId, Instant at) {
        jdbc.update("""
                insert into known_projects (project_id, slug, owner_id, created_at)
                select ?, ?, ?, ? where not exists (select 1 from removed_projects where project_id = ?)
                on conflict (project_id) do nothing""", projectId, slug, ownerId, Timestamp.from(at), projectId);
    }

    /**
     * Forgets a deleted project and publishes {@link ProjectRemoved} in this transaction, so that every package
     * deletes its rows of it; a project removed before publishes nothing again.
     */
    @Transactional
    public void deleted(UUID projectId, String slug, UUID ownerId, Instant at) {
        int first = jdbc.update("insert into removed_projects (project_id, removed_at) values (?, ?) "
                + "on conflict (project_id) do nothing", projectId, Timestamp.from(at));
        KnownProject known = jdbc.query("delete from known_projects where project_id = ? "
                + "returning project_id, slug, owner_id", PROJECT, projectId).stream().findFirst()
                .orElse(new KnownProject(projectId, slug, ownerId));
        if (first == 1) {
            events.publishEvent(new ProjectRemoved(projectId, slug != null ? slug : known.slug(),
                    ownerId != null ? ownerId : known.ownerId()));
        }
    }
}
