package dev.paas.messaging.testing;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;

/**
 * For publisher unit tests: an {@link Outbox} that keeps what it is given, in order, without a database or a
 * transaction, so a test can assert which contract an internal event became.
 */
public final class RecordingOutbox extends Outbox {

    private final EventCodec codec = new EventCodec();
    private final List<IntegrationEvent> appended = new ArrayList<>();

    public RecordingOutbox() {
        super(null, null, null);
    }

    @Override
    public EventEnvelope append(IntegrationEvent event) {
        appended.add(event);
        return codec.envelope(event, null);
    }

    /** The events appended so far, oldest first. */
    public List<IntegrationEvent> appended() {
        return List.copyOf(appended);
    }
}
