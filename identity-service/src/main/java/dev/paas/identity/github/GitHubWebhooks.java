package dev.paas.identity.github;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcome of registering each project's push webhook: one row per project, written once. */
@Repository
class GitHubWebhooks {

    static final String REGISTERED = "REGISTERED";
    static final String FAILED = "FAILED";
    private static final int MAX_ERROR = 1000;

    private final JdbcClient jdbc;

    GitHubWebhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID projectId) {
        return jdbc.sql("select count(*) from github_webhooks where project_id = ?").param(projectId)
                .query(Integer.class).single() > 0;
    }

    Optional<String> statusOf(UUID projectId) {
        return jdbc.sql("select status from github_webhooks where project_id = ?").param(projectId)
                .query(String.class).optional();
    }

    /** What is recorded of a project's webhook: {@code hookId} is {@code null} unless it was registered. */
    record Recorded(UUID projectId, UUID ownerId, String repository, Long hookId, String status) {
    }

    Optional<Recorded> find(UUID projectId) {
        return jdbc.sql("select project_id, owner_id, repository, hook_id, status from github_webhooks"
                + " where project_id = ?").param(projectId)
                .query((row, number) -> new Recorded(row.getObject("project_id", UUID.class),
                        row.getObject("owner_id", UUID.class), row.getString("repository"),
                        row.getObject("hook_id", Long.class), row.getString("status")))
                .optional();
    }

    void delete(UUID projectId) {
        jdbc.sql("delete from github_webhooks where project_id = ?").param(projectId).update();
    }

    void registered(UUID projectId, UUID ownerId, String repository, long hookId, Instant now) {
        insert(projectId, ownerId, repository, hookId, REGISTERED, null, now);
    }

    void failed(UUID projectId, UUID ownerId, String repository, String error, Instant now) {
        insert(projectId, ownerId, repository, null, FAILED,
                error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, now);
    }

    private void insert(UUID projectId, UUID ownerId, String repository, Long hookId, String status, String error,
            Instant now) {
        jdbc.sql("""
                insert into github_webhooks (project_id, owner_id, repository, hook_id, status, error, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, ownerId, repository, hookId, status, error, Timestamp.from(now))
                .update();
    }
}
