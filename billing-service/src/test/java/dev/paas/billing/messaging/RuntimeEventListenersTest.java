package dev.paas.billing.messaging;

import static dev.paas.contracts.golden.GoldenEvents.CONTAINER;
import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.paas.billing.usage.UsageRecorder;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

/** The golden runtime events, as runtime-service publishes them, open and close usage intervals. */
class RuntimeEventListenersTest {

    private final UsageRecorder usage = mock(UsageRecorder.class);
    private final Consumer<Message<byte[]>> listener = new RuntimeEventListeners()
            .runtimeEvents(ListenerDeliveries.subscriptions(), usage);

    @Test
    void opensAnIntervalWhenAContainerStarts() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(ContainerStarted.class));

        verify(usage).started(DEPLOYMENT, PROJECT, OWNER, CONTAINER, 536_870_912L, 500_000_000L,
                envelope.occurredAt());
    }

    @Test
    void closesTheIntervalWhenTheContainerStops() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(ContainerStopped.class));

        verify(usage).stopped(DEPLOYMENT, envelope.occurredAt());
    }

    @Test
    void closesTheIntervalOfACrashLoopingDeploymentSoItIsNotCharged() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(CrashLoopDetected.class));

        verify(usage).stopped(DEPLOYMENT, envelope.occurredAt());
    }
}
