package dev.paas.gateway.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway's own record of which projects were picked from which GitHub repository, fed by
 * {@code ProjectCreated} and {@code ProjectDeleted}. Repository names are kept in lower case because GitHub's are case-insensitive.
 */
@Repository
public class GitHubProjects {

    private final JdbcTemplate jdbc;

    GitHubProjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code projectId} was picked from {@code repository}; a project with a plain repository URL
     * ({@code repository} null or blank) gets no hook, so no delivery can name it and nothing is recorded.
     */
    public void register(UUID projectId, String repository, Instant at) {
        if (repository == null || repository.isBlank()) {
            return;
        }
        jdbc.update("insert into github_projects (project_id, repository, created_at) values (?, ?, ?)"
                + " on conflict do nothing", projectId, normalized(repository), Timestamp.from(at));
    }

    /**
     * Forgets a deleted project and the deliveries accepted for it: GitHub's hook, should it still deliver, no longer
     * finds a project. An unknown project changes nothing.
     */
    @Transactional
    public void forget(UUID projectId) {
        jdbc.update("delete from github_projects where project_id = ?", projectId);
        jdbc.update("delete from webhook_deliveries where project_id = ?", projectId);
    }

    /** Projects registered for {@code repository} ({@code owner/name}, any case), oldest first. */
    List<UUID> registeredFor(String repository) {
        return jdbc.queryForList("select project_id from github_projects where repository = ?"
                + " order by created_at, project_id", UUID.class, normalized(repository));
    }

    private static String normalized(String repository) {
        return repository.trim().toLowerCase(Locale.ROOT);
    }
}
