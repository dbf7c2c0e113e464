package dev.paas.messaging.binder;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.MessageConsumer;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.integration.MessageDispatchingException;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * Pulls from a durable consumer and hands each message to the binding. Acks after the handler returned; naks with
 * back-off when it threw; dead-letters to {@code dlq.<subject>} with the reason after the last allowed delivery,
 * or at once for a {@link PoisonMessageException}.
 */
class JetStreamInboundAdapter extends MessageProducerSupport {

    private static final Log log = LogFactory.getLog(JetStreamInboundAdapter.class);

    private final Connection connection;
    private final JetStreamProvisioner.Destination destination;
    private final JetStreamConsumerProperties properties;
    private final int concurrency;
    private final ReconnectListeners reconnectListeners;
    private final MessagingMeters meters;
    private final Runnable resume = this::resumeAfterReconnect;
    private final List<MessageConsumer> consumers = new ArrayList<>();

    JetStreamInboundAdapter(Connection connection, JetStreamProvisioner.Destination destination,
            JetStreamConsumerProperties properties, int concurrency, ReconnectListeners reconnectListeners,
            MessagingMeters meters) {
        this.connection = connection;
        this.destination = destination;
        this.properties = properties;
        this.concurrency = Math.max(1, concurrency);
        this.reconnectListeners = reconnectListeners;
        this.meters = meters;
    }

    @Override
    protected void doStart() {
        startConsumers();
        reconnectListeners.add(resume);
    }

    @Override
    protected void doStop() {
        reconnectListeners.remove(resume);
        stopConsumers();
    }

    private synchronized void resumeAfterReconnect() {
        if (!isRunning()) {
            return;
        }
        stopConsumers();
        try {
            startConsumers();
        } catch (RuntimeException e) {
            log.warn("cannot resume " + destination.durable() + " yet, retrying: " + e.getMessage());
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(resume);
        }
    }

    private synchronized void startConsumers() {
        try {
            ConsumeOptions options = ConsumeOptions.builder().batchSize(properties.getBatchSize()).build();
            for (int i = 0; i < concurrency; i++) {
                ConsumerContext context = connection.getConsumerContext(destination.stream(), destination.durable());
                consumers.add(context.consume(options, this::onMessage));
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot consume " + destination.durable() + " on " + destination.stream(), e);
        }
    }

    private synchronized void stopConsumers() {
        consumers.forEach(MessageConsumer::stop);
        consumers.clear();
    }

    private void onMessage(io.nats.client.Message message) {
        long deliveries = message.metaData().deliveredCount();
        try {
            sendMessage(toSpringMessage(message, deliveries));
            message.ack();
        } catch (RuntimeException e) {
            PoisonMessageException poison = poisonCause(e);
            if (poison == null && serviceNotRunning(e)) {
                // The service is still starting or already stopping: not the message's fault, so this delivery must
                // not bring it closer to the dead-letter stream, however long the start takes.
                log.info(destination.durable() + " is not running yet (or any more); " + message.getSubject()
                        + " is handed back");
                message.nakWithDelay(properties.backoffAfter(1));
            } else if (poison != null) {
                deadLetter(message, "rejected as unprocessable: " + poison.getMessage());
            } else if (deliveries >= properties.getMaxDeliver()) {
                deadLetter(message, "failed " + deliveries + " deliveries, last error: " + rootMessage(e));
            } else {
                log.warn(destination.durable() + " failed on " + message.getSubject() + " (delivery " + deliveries
                        + "), retrying: " + rootMessage(e));
                message.nakWithDelay(properties.backoffAfter(deliveries));
            }
        }
    }

    /** Whether Spring Integration refused the dispatch because the application context is not (or no longer) running. */
    static boolean serviceNotRunning(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MessageDispatchingException && cause.getMessage() != null
                    && cause.getMessage().contains("not ready (or stopped)")) {
                return true;
            }
        }
        return false;
    }

    private Message<byte[]> toSpringMessage(io.nats.client.Message message, long deliveries) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(message.getData() == null ? new byte[0] : message.getData())
                .setHeader(JetStreamHeaders.SUBJECT, message.getSubject())
                .setHeader(JetStreamHeaders.DELIVERED, deliveries)
                .setHeader(JetStreamHeaders.STREAM_SEQUENCE, message.metaData().streamSequence())
                .setHeader("contentType", "application/json");
        if (message.hasHeaders()) {
            message.getHeaders().entrySet().forEach(entry -> {
                if (entry.getKey().startsWith(JetStreamHeaders.PASSED_PREFIX) && !entry.getValue().isEmpty()) {
                    builder.setHeader(entry.getKey(), entry.getValue().get(0));
                }
            });
        }
        return builder.build();
    }

    /** Dead-letters, then acks so the source consumer moves on. If the dead-letter publish fails, nak and retry. */
    private void deadLetter(io.nats.client.Message message, String reason) {
        String subject = JetStreamStreams.DEAD_LETTER_PREFIX + message.getSubject();
        Headers headers = new Headers();
        if (message.hasHeaders()) {
            message.getHeaders().entrySet().stream()
                    .filter(entry -> !entry.getKey().startsWith("Nats-"))
                    .forEach(entry -> headers.put(entry.getKey(), entry.getValue()));
        }
        headers.put("paas-dlq-reason", reason);
        headers.put("paas-dlq-consumer", destination.durable());
        headers.put("paas-dlq-subject", message.getSubject());
        try {
            connection.jetStream().publish(subject, headers, message.getData(),
                    PublishOptions.builder().expectedStream(JetStreamStreams.DEAD_LETTER_STREAM).build());
            log.error(destination.durable() + " dead-lettered " + message.getSubject() + " to " + subject + ": " + reason);
            meters.deadLettered(destination.durable(), message.getSubject());
            message.ack();
        } catch (IOException | JetStreamApiException e) {
            log.error("cannot dead-letter " + message.getSubject() + ", will retry: " + e.getMessage());
            message.nakWithDelay(properties.getBackoffMax());
        }
    }

    private static PoisonMessageException poisonCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonMessageException poison) {
                return poison;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
