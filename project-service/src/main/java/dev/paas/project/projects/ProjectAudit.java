package dev.paas.project.projects;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail of actions on projects that administrators must be able to look back on, deletions above all.
 * Its rows name the project by id and slug and are not removed with it.
 */
@Repository
class ProjectAudit {

    /** The action of a deletion. */
    static final String DELETED = "DELETED";

    private final JdbcClient jdbc;

    ProjectAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(AuditEntry entry) {
        jdbc.sql("""
                        insert into project_audit (id, at, actor_id, project_id, slug, action, detail)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), java.sql.Timestamp.from(entry.at()), entry.actorId(), entry.projectId(),
                        entry.slug(), entry.action(), entry.detail())
                .update();
    }

    List<AuditEntry> latest(int limit) {
        return jdbc.sql("""
                        select id, at, actor_id, project_id, slug, action, detail from project_audit
                        order by at desc, id desc limit ?""")
                .param(limit)
                .query((row, n) -> new AuditEntry(row.getObject("id", UUID.class), row.getTimestamp("at").toInstant(),
                        row.getObject("actor_id", UUID.class), row.getObject("project_id", UUID.class),
                        row.getString("slug"), row.getString("action"), row.getString("detail")))
                .list();
    }
}
