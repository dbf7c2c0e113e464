package dev.paas.messaging.binder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.integration.MessageDispatchingException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;

/** A service that is starting or stopping hands messages back without counting them against the dead-letter limit. */
class JetStreamInboundAdapterTest {

    private final GenericMessage<String> message = new GenericMessage<>("{}");

    @Test
    void tellsADispatchRefusedWhileTheContextIsNotRunningFromAFailingHandler() {
        MessageDispatchingException notRunning = new MessageDispatchingException(message, "The application context"
                + " is not ready (or stopped) to dispatch messages to 'buildEvents-in-0' channel.");

        assertThat(JetStreamInboundAdapter.serviceNotRunning(notRunning)).isTrue();
        assertThat(JetStreamInboundAdapter.serviceNotRunning(new IllegalStateException("wrapped", notRunning)))
                .isTrue();
        assertThat(JetStreamInboundAdapter.serviceNotRunning(new MessageDispatchingException(message,
                "Dispatcher has no subscribers"))).isFalse();
        assertThat(JetStreamInboundAdapter.serviceNotRunning(new MessageHandlingException(message,
                new IllegalStateException("database down")))).isFalse();
    }
}
