package dev.paas.contracts;

/**
 * A fact one service publishes for others. Implementations are records annotated with {@link EventType};
 * within a version they only ever gain fields.
 */
public interface IntegrationEvent {

    /** Id of the aggregate the fact is about; it keys the envelope and orders related events. */
    String aggregateId();

    /** The record's logical type and version. */
    static EventType typeOf(Class<? extends IntegrationEvent> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @EventType");
        }
        return annotation;
    }

    /** NATS subject of the record type: {@code paas.<domain>.<event>.v<version>}. */
    static String subjectOf(Class<? extends IntegrationEvent> type) {
        EventType annotation = typeOf(type);
        return "paas." + annotation.name() + ".v" + annotation.version();
    }
}
