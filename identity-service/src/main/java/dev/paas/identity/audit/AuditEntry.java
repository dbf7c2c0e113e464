package dev.paas.identity.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One line of the audit trail, as {@link AuditLog#find} returns it. */
public record AuditEntry(UUID id, Instant at, UUID actorId, String actorEmail, String action, String target,
        String clientIp, Map<String, Object> detail) {
}
