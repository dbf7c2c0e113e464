package dev.paas.messaging;

import dev.paas.contracts.EventCatalog;
import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.ids.UuidV7;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns event records into envelopes and bytes and back. Unknown fields are ignored, so versions can grow. */
public class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Wraps an event in a new envelope with a fresh UUIDv7 id. */
    public EventEnvelope envelope(IntegrationEvent event, String traceparent) {
        EventType type = IntegrationEvent.typeOf(event.getClass());
        return new EventEnvelope(UuidV7.next(), type.name(), type.version(), Instant.now(), event.aggregateId(),
                traceparent, json.valueToTree(event));
    }

    public byte[] toBytes(EventEnvelope envelope) {
        return json.writeValueAsBytes(envelope);
    }

    public String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    /** Reads an envelope; throws {@link MalformedEventException} when the bytes are not one. */
    public EventEnvelope fromBytes(byte[] bytes) {
        try {
            EventEnvelope envelope = json.readValue(bytes, EventEnvelope.class);
            if (envelope.id() == null || envelope.type() == null || envelope.payload() == null) {
                throw new MalformedEventException("envelope lacks id, type or payload");
            }
            return envelope;
        } catch (JacksonException e) {
            throw new MalformedEventException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload as its record, if this build knows the type and version. */
    public Optional<IntegrationEvent> payloadOf(EventEnvelope envelope) {
        return EventCatalog.find(envelope.type(), envelope.version()).map(type -> read(envelope, type));
    }

    public <T extends IntegrationEvent> T read(EventEnvelope envelope, Class<T> type) {
        try {
            return json.treeToValue(envelope.payload(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("payload of " + envelope.type() + ".v" + envelope.version()
                    + " does not match its contract: " + e.getOriginalMessage(), e);
        }
    }

    /** Thrown when bytes or a payload cannot be read as the contract says. */
    public static class MalformedEventException extends RuntimeException {

        MalformedEventException(String message) {
            super(message);
        }

        MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
