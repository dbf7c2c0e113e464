package dev.paas.project.history;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One fact in a project's history: what happened ({@code type}, {@code summary} for people, {@code details} for
 * programs), when it happened ({@code at}, as its source reported it), the deployment it is about and the user who
 * caused it, each {@code null} when there is none.
 */
public record HistoryEntry(UUID id, UUID projectId, Instant at, HistoryType type, UUID deploymentId, UUID actorId,
        String summary, JsonNode details) {
}
