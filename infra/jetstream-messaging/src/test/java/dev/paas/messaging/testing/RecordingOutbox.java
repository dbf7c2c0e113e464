package dev.paas.messaging.testing;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;

/**
 * For publisher unit tests: an {@link Outbox} that keeps what is appended instead of writing it, so a test can
 * compare the contracts a service's {@code messaging/*EventsPublisher} produces with the golden samples.
 */
public class RecordingOutbox extends Outbox {

    private final List<IntegrationEvent> appended = new ArrayList<>();

    public RecordingOutbox() {
        super(null, null, null);
    }

    @Override
    public EventEnvelope append(IntegrationEvent event) {
        appended.add(event);
        return null;
    }

    /** The events appended so far, in order. */
    public List<IntegrationEvent> appended() {
        return List.copyOf(appended);
    }
}
