package dev.paas.metrics.messaging;

import static dev.paas.contracts.golden.GoldenEvents.ALERT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.metrics.AlertRaised;
import dev.paas.contracts.metrics.AlertResolved;
import dev.paas.messaging.testing.RecordingOutbox;
import dev.paas.metrics.alerts.AlertEvents;
import dev.paas.metrics.alerts.AlertKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An alert's opening and resolution leave metrics-service as the golden AlertRaised and AlertResolved say. */
class AlertEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final AlertEventsPublisher publisher = new AlertEventsPublisher(outbox);

    @Test
    void publishesAlertRaisedWhenAnAlertOpens() {
        publisher.on(new AlertEvents.Raised(ALERT, 1, OWNER, AlertKind.CONTAINER_MEMORY, "WARNING", PROJECT, null,
                "memory at 94 % of its 256 MB limit for 5 minutes", Instant.now()));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(AlertRaised.class));
    }

    @Test
    void publishesAlertResolvedWhenAnAlertResolves() {
        publisher.on(new AlertEvents.Resolved(ALERT, 1, OWNER, AlertKind.CONTAINER_MEMORY, "WARNING", PROJECT, null,
                "memory at 41 % of its limit", Instant.now()));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(AlertResolved.class));
    }
}
