package dev.paas.billing.plans;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What administrators did to plans, with who and the plan as it was left ({@code plan_audit}). */
@Repository
class PlanAudit {

    private final JdbcTemplate jdbc;

    PlanAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID planId, String planName, PlanAuditEntry.Action action, UUID actorId, Instant at,
            String planJson) {
        jdbc.update("""
                insert into plan_audit (id, plan_id, plan_name, action, actor_id, at, plan)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)""", UUID.randomUUID(), planId, planName, action.name(), actorId,
                Timestamp.from(at), planJson);
    }

    List<PlanAuditEntry> of(UUID planId) {
        return jdbc.query("""
                select plan_id, plan_name, action, actor_id, at, plan::text from plan_audit where plan_id = ?
                order by at desc, id""", (rs, i) -> new PlanAuditEntry(rs.getObject(1, UUID.class),
                rs.getString(2), PlanAuditEntry.Action.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                rs.getTimestamp(5).toInstant(), rs.getString(6)), planId);
    }
}
