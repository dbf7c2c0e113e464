package dev.paas.billing.messaging;

import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.billing.usage.UsageRecorder;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

/** The golden {@code ProjectDeleted}, as project-service publishes it, closes the project's open intervals. */
class ProjectEventListenersTest {

    private final UsageRecorder usage = mock(UsageRecorder.class);
    private final Consumer<Message<byte[]>> listener = new ProjectEventListeners()
            .projectEvents(ListenerDeliveries.subscriptions(), usage);

    @Test
    void closesTheOpenIntervalsOfADeletedProjectWhenItWasDeleted() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(ProjectDeleted.class));

        verify(usage).projectDeleted(PROJECT, envelope.occurredAt());
    }

    @Test
    void ignoresOtherProjectEvents() {
        ListenerDeliveries.deliver(listener, GoldenEvents.envelope(ProjectCreated.class));

        verifyNoMoreInteractions(usage);
    }
}
