package dev.paas.identity.audit;

import dev.paas.ids.UuidV7;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of identity-service: who did what to whom, from which address. Entries join the caller's
 * transaction, so an action that rolls back leaves no entry. Callers never pass passwords or token secrets in
 * {@code detail}.
 */
@Service
public class AuditLog {

    /** The most entries one query returns. */
    public static final int MAX_LIMIT = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** Appends an entry; {@code actorId}, {@code actorEmail}, {@code target}, {@code clientIp} may be null. */
    public void record(UUID actorId, String actorEmail, String action, String target, String clientIp,
            Map<String, ?> detail) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (detail != null) {
            detail.forEach((key, value) -> details.put(key, value == null || value instanceof Number
                    || value instanceof Boolean ? value : value.toString()));
        }
        jdbc.sql("""
                insert into audit_log (id, at, actor_id, actor_email, action, target, client_ip, detail)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(UuidV7.next(), Timestamp.from(clock.instant()), actorId, actorEmail, action, target,
                        clientIp, JSON.writeValueAsString(details))
                .update();
    }

    /** Appends an entry on behalf of {@code actor}. */
    public void record(Actor actor, String action, String target, Map<String, ?> detail) {
        record(actor.id(), actor.email(), action, target, actor.clientIp(), detail);
    }

    /** Entries newest first, filtered by whatever is non-null; {@code limit} is clamped to 1..{@value #MAX_LIMIT}. */
    public List<AuditEntry> find(int limit, String action, UUID actorId, Instant before) {
        StringBuilder sql = new StringBuilder("select * from audit_log where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (action != null && !action.isBlank()) {
            sql.append(" and action = :action");
            params.put("action", action.strip());
        }
        if (actorId != null) {
            sql.append(" and actor_id = :actorId");
            params.put("actorId", actorId);
        }
        if (before != null) {
            sql.append(" and at < :before");
            params.put("before", Timestamp.from(before));
        }
        sql.append(" order by at desc, id desc limit :limit");
        params.put("limit", Math.clamp(limit, 1, MAX_LIMIT));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new AuditEntry(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_email"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("client_ip"),
                        readDetail(rs.getString("detail"))))
                .list();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readDetail(String json) {
        return json == null ? Map.of() : JSON.readValue(json, Map.class);
    }
}
