package dev.paas.build.suggestions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The latest scan of each project ({@code env_suggestion_scans}) and its suggestions ({@code env_suggestions}). */
final class ProjectSuggestions {

    private final JdbcClient jdbc;

    ProjectSuggestions(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Replaces the project's scan; call inside a transaction. */
    void replace(UUID projectId, UUID ownerId, List<EnvSuggestion> suggestions, Instant scannedAt) {
        jdbc.sql("""
                INSERT INTO env_suggestion_scans (project_id, owner_id, scanned_at) VALUES (?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET owner_id = excluded.owner_id, scanned_at = excluded.scanned_at""")
                .params(projectId, ownerId, Timestamp.from(scannedAt)).update();
        jdbc.sql("DELETE FROM env_suggestions WHERE project_id = ?").param(projectId).update();
        for (int position = 0; position < suggestions.size(); position++) {
            EnvSuggestion suggestion = suggestions.get(position);
            jdbc.sql("""
                    INSERT INTO env_suggestions (project_id, position, name, reason, example, required)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(projectId, position, suggestion.name(), suggestion.reason(), suggestion.example(),
                            suggestion.required())
                    .update();
        }
    }

    /** Who owned the project at its latest scan; empty when none was recorded (the owner may be unknown too). */
    Optional<Scan> scan(UUID projectId) {
        return jdbc.sql("SELECT owner_id FROM env_suggestion_scans WHERE project_id = ?").param(projectId)
                .query((row, number) -> new Scan(row.getObject("owner_id", UUID.class))).optional();
    }

    List<EnvSuggestion> suggestions(UUID projectId) {
        return jdbc.sql("""
                SELECT name, reason, example, required FROM env_suggestions WHERE project_id = ? ORDER BY position""")
                .param(projectId)
                .query((row, number) -> new EnvSuggestion(row.getString("name"), row.getString("reason"),
                        row.getString("example"), row.getObject("required", Boolean.class)))
                .list();
    }

    record Scan(UUID ownerId) {
    }
}
