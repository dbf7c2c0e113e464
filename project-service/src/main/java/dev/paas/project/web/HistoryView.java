package dev.paas.project.web;

import dev.paas.project.history.HistoryEntry;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An entry of a project's history as the API shows it; {@code id} is what {@code before} takes to read on.
 *
 * @param type e.g. {@code DEPLOYMENT_FAILED}, {@code CONTAINER_RESTARTED}, {@code APP_STATE_CHANGED}
 * @param details the particulars as JSON (reason, exit codes, keys, ...); never an environment value
 */
record HistoryView(UUID id, Instant at, String type, UUID deploymentId, UUID actorId, String summary,
        JsonNode details) {

    static HistoryView of(HistoryEntry entry) {
        return new HistoryView(entry.id(), entry.at(), entry.type().name(), entry.deploymentId(), entry.actorId(),
                entry.summary(), entry.details());
    }
}
