package dev.paas.database.projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** database-service's own copy of which projects exist (id and slug), fed by project events. */
@Service
public class KnownProjects {

    private final JdbcTemplate jdbc;

    KnownProjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void registered(UUID projectId, String slug, Instant at) {
        jdbc.update("insert into known_projects (id, slug, registered_at) values (?, ?, ?) on conflict do nothing",
                projectId, slug, Timestamp.from(at));
    }

    public boolean exists(UUID projectId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from known_projects where id = ?)",
                Boolean.class, projectId));
    }
}
