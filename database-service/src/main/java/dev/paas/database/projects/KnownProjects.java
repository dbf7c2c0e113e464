package dev.paas.database.projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * database-service's own copy of which projects exist (id, slug and owner), fed by project events. Databases will
 * belong to a project's owner.
 */
@Service
public class KnownProjects {

    private final JdbcTemplate jdbc;

    KnownProjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a project; {@code ownerId} is {@code null} for projects announced before accounts existed. */
    public void registered(UUID projectId, String slug, UUID ownerId, Instant at) {
        jdbc.update("""
                insert into known_projects (id, slug, owner_id, registered_at) values (?, ?, ?, ?)
                on conflict do nothing""", projectId, slug, ownerId, Timestamp.from(at));
    }

    /** Forgets a deleted project; an unknown one changes nothing. */
    public void deleted(UUID projectId) {
        jdbc.update("delete from known_projects where id = ?", projectId);
    }

    public boolean exists(UUID projectId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from known_projects where id = ?)",
                Boolean.class, projectId));
    }

    /** The project's owner, when the project is known and has one. */
    public Optional<UUID> ownerOf(UUID projectId) {
        return jdbc.queryForList("select owner_id from known_projects where id = ?", UUID.class, projectId).stream()
                .filter(Objects::nonNull).findFirst();
    }
}
