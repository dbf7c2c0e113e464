package dev.paas.messaging.testing;

import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For listener unit tests: builds a service's binding functions with an {@link EventSubscriptions} whose inbox
 * sees every event for the first time, and delivers envelope bytes (the golden ones) to them as the binder does.
 * The inbox itself is proven against PostgreSQL in jetstream-messaging's integration test.
 */
public final class ListenerDeliveries {

    private static final EventCodec CODEC = new EventCodec();

    private ListenerDeliveries() {
    }

    /** Subscriptions without a database: every event is new and its handler runs at once. */
    public static EventSubscriptions subscriptions() {
        JdbcTemplate inbox = new JdbcTemplate() {
            @Override
            public int update(String sql, Object... args) {
                return 1;
            }
        };
        TransactionTemplate transactions = new TransactionTemplate() {
            @Override
            public <T> T execute(TransactionCallback<T> action) throws TransactionException {
                return action.doInTransaction(new SimpleTransactionStatus());
            }
        };
        return new EventSubscriptions(inbox, transactions, CODEC);
    }

    /** Hands {@code envelope} to {@code listener} as a JetStream message, and returns the decoded envelope. */
    public static EventEnvelope deliver(Consumer<Message<byte[]>> listener, byte[] envelope) {
        listener.accept(MessageBuilder.withPayload(envelope).build());
        return CODEC.fromBytes(envelope);
    }
}
