package dev.paas.project.projects;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited action on a project: who ({@code actorId}) did {@code action} ({@code DELETED}) to project
 * {@code projectId}, then served as {@code slug}, when, and the particulars ({@code detail}).
 */
public record AuditEntry(UUID id, Instant at, UUID actorId, UUID projectId, String slug, String action,
        String detail) {
}
