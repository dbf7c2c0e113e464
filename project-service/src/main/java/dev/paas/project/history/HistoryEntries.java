package dev.paas.project.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code project_events}: every project's history, read newest first. */
@Repository
class HistoryEntries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    HistoryEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID id, UUID projectId, Instant at, HistoryType type, UUID deploymentId, UUID actorId, String summary,
            Map<String, Object> details) {
        jdbc.sql("""
                        insert into project_events (id, project_id, at, type, deployment_id, actor_id, summary, details)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(id, projectId, Timestamp.from(at), type.name(), deploymentId, actorId, summary,
                        JSON.writeValueAsString(details))
                .update();
    }

    /** Where entry {@code id} of the project sits in the order, or empty when it is none of the project's. */
    Optional<Instant> atOf(UUID projectId, UUID id) {
        return jdbc.sql("select at from project_events where project_id = ? and id = ?")
                .params(projectId, id)
                .query((row, n) -> row.getTimestamp("at").toInstant())
                .optional();
    }

    /** The newest {@code limit} entries of the project that come before ({@code at}, {@code id}) in time. */
    List<HistoryEntry> before(UUID projectId, Instant at, UUID id, int limit) {
        return jdbc.sql("""
                        select id, project_id, at, type, deployment_id, actor_id, summary, details::text as details
                        from project_events where project_id = ? and (at, id) < (?, ?)
                        order by at desc, id desc limit ?""")
                .params(projectId, Timestamp.from(at), id, limit)
                .query((row, n) -> new HistoryEntry(row.getObject("id", UUID.class),
                        row.getObject("project_id", UUID.class), row.getTimestamp("at").toInstant(),
                        HistoryType.valueOf(row.getString("type")), row.getObject("deployment_id", UUID.class),
                        row.getObject("actor_id", UUID.class), row.getString("summary"),
                        JSON.readTree(row.getString("details"))))
                .list();
    }

    int deleteAllOfProject(UUID projectId) {
        return jdbc.sql("delete from project_events where project_id = ?").param(projectId).update();
    }
}
