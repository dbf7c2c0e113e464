package dev.paas.messaging.outbox;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.TraceContext;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records events in the same transaction as the state change that caused them. {@link OutboxRelay} publishes them
 * after the commit; an event whose transaction rolled back is never published.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;

    public Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
    }

    /** Appends {@code event}; must be called inside the transaction that changes the state it reports. */
    public EventEnvelope append(IntegrationEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("cannot append " + event.getClass().getSimpleName()
                    + " to the outbox outside a transaction");
        }
        EventEnvelope envelope = codec.envelope(event, TraceContext.currentOrNew());
        jdbc.update("""
                insert into outbox_event (id, destination, subject, aggregate_id, envelope, occurred_at)
                values (?, ?, ?, ?, ?, ?)""",
                envelope.id(), envelope.destination(), envelope.subject(), envelope.aggregateId(),
                codec.toJson(envelope), Timestamp.from(envelope.occurredAt()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return envelope;
    }
}
