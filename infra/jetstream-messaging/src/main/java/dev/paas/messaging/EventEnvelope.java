package dev.paas.messaging;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The one wire format of every event: id (UUIDv7), logical type and version, when it happened, the aggregate it is
 * about, W3C trace context, and the event record as JSON.
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String aggregateId,
        String traceparent, JsonNode payload) {

    /** NATS subject: {@code paas.<type>.v<version>}. */
    public String subject() {
        return "paas." + type + ".v" + version;
    }

    /** Destination (stream prefix) of the subject: {@code paas.<domain>}. */
    public String destination() {
        return "paas." + type.substring(0, type.indexOf('.'));
    }
}
