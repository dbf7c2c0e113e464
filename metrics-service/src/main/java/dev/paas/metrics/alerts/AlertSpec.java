package dev.paas.metrics.alerts;

import java.time.Instant;
import java.util.UUID;

/** What an alert would be about if its condition opened it now: its key and everything the reader sees. */
record AlertSpec(String key, AlertKind kind, String severity, UUID ownerId, UUID projectId, UUID databaseId,
        String containerId, String message, Double value, Instant at) {
}
