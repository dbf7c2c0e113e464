package dev.paas.messaging.binder;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;

/**
 * Publishes each message synchronously and returns only after JetStream acknowledged it, so a caller that
 * gets no exception knows the message is stored. Publishing with the message id lets JetStream drop duplicates.
 */
class JetStreamMessageHandler extends AbstractMessageHandler {

    private final JetStream jetStream;
    private final JetStreamProvisioner.Destination destination;
    private final Duration timeout;

    JetStreamMessageHandler(JetStream jetStream, JetStreamProvisioner.Destination destination, Duration timeout) {
        this.jetStream = jetStream;
        this.destination = destination;
        this.timeout = timeout;
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        String subject = message.getHeaders().get(JetStreamHeaders.SUBJECT, String.class);
        if (subject == null) {
            subject = destination.name();
        }
        PublishOptions.Builder options = PublishOptions.builder()
                .expectedStream(destination.stream())
                .streamTimeout(timeout);
        String messageId = message.getHeaders().get(JetStreamHeaders.MESSAGE_ID, String.class);
        if (messageId != null) {
            options.messageId(messageId);
        }
        try {
            jetStream.publish(subject, headersOf(message), bodyOf(message), options.build());
        } catch (IOException | JetStreamApiException e) {
            throw new MessageDeliveryException(message, "JetStream did not acknowledge publish to " + subject, e);
        }
    }

    /** Only the platform's own headers travel: {@code Nats-*} headers of a forwarded message must not be re-applied. */
    private static Headers headersOf(Message<?> message) {
        Headers headers = new Headers();
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith(JetStreamHeaders.PASSED_PREFIX) && value != null) {
                headers.put(name, value.toString());
            }
        });
        return headers;
    }

    private static byte[] bodyOf(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new MessageDeliveryException(message, "JetStream binder publishes byte[] or String payloads, got "
                + payload.getClass().getName());
    }
}
