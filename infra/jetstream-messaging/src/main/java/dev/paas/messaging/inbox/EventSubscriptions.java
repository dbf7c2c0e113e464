package dev.paas.messaging.inbox;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.TraceContext;
import dev.paas.messaging.binder.PoisonMessageException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the idempotent consumer functions that bindings call. Each handled event is recorded in
 * {@code processed_event} in the same transaction as the handler's changes, so a redelivered or replayed event
 * changes nothing. Types nobody subscribed to are skipped; unreadable messages are rejected as poison.
 */
public class EventSubscriptions {

    private static final Log log = LogFactory.getLog(EventSubscriptions.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventCodec codec;

    public EventSubscriptions(JdbcTemplate jdbc, TransactionTemplate transactions, EventCodec codec) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
    }

    /** Starts a subscription set for {@code consumer}, the name its processed events are recorded under. */
    public Builder consumer(String consumer) {
        return new Builder(consumer);
    }

    /** Collects handlers by event type, then builds the binding function. */
    public final class Builder {

        private final String consumer;
        private final Map<String, Handler<?>> handlers = new HashMap<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        public <T extends IntegrationEvent> Builder on(Class<T> type, Consumer<T> handler) {
            return on(type, (event, envelope) -> handler.accept(event));
        }

        public <T extends IntegrationEvent> Builder on(Class<T> type, BiConsumer<T, EventEnvelope> handler) {
            EventType eventType = IntegrationEvent.typeOf(type);
            handlers.put(eventType.name() + "/v" + eventType.version(), new Handler<>(type, handler));
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            Map<String, Handler<?>> registered = Map.copyOf(handlers);
            return message -> dispatch(consumer, registered, message.getPayload());
        }
    }

    private void dispatch(String consumer, Map<String, Handler<?>> handlers, byte[] body) {
        EventEnvelope envelope;
        try {
            envelope = codec.fromBytes(body);
        } catch (EventCodec.MalformedEventException e) {
            throw new PoisonMessageException(e.getMessage(), e);
        }
        Handler<?> handler = handlers.get(envelope.type() + "/v" + envelope.version());
        if (handler == null) {
            log.debug(consumer + " ignores " + envelope.type() + ".v" + envelope.version());
            return;
        }
        IntegrationEvent event;
        try {
            event = codec.read(envelope, handler.type());
        } catch (EventCodec.MalformedEventException e) {
            throw new PoisonMessageException(e.getMessage(), e);
        }
        transactions.executeWithoutResult(status -> {
            int inserted = jdbc.update("""
                    insert into processed_event (consumer, event_id, event_type) values (?, ?, ?)
                    on conflict do nothing""", consumer, envelope.id(), envelope.type());
            if (inserted == 0) {
                log.debug(consumer + " already processed " + envelope.type() + " " + envelope.id());
                return;
            }
            TraceContext.runWith(envelope.traceparent(), () -> handler.handle(event, envelope));
        });
    }

    private record Handler<T extends IntegrationEvent>(Class<T> type, BiConsumer<T, EventEnvelope> action) {

        void handle(IntegrationEvent event, EventEnvelope envelope) {
            action.accept(type.cast(event), envelope);
        }
    }
}
