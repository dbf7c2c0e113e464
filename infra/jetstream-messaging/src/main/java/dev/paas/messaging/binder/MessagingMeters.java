package dev.paas.messaging.binder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.ConsumerInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The binder's meters: how far each durable consumer of this service lags behind its stream
 * ({@code paas_messaging_consumer_pending} and {@code paas_messaging_consumer_ack_pending}, tagged stream and
 * consumer), how many messages this service dead-lettered ({@code paas_messaging_dead_letters_total}, tagged
 * consumer and event type) and how many messages the dead-letter stream holds
 * ({@code paas_messaging_dead_letter_stream_messages}).
 *
 * <p>The server is asked on one background thread every poll interval, with a short request timeout, so a scrape never
 * waits for NATS. While NATS cannot be reached the gauges keep their last known values and the service carries on;
 * {@code paas_messaging_lag_poll_failures_total} counts the failed rounds.
 */
class MessagingMeters implements DisposableBean {

    private static final Log log = LogFactory.getLog(MessagingMeters.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final MeterRegistry registry;
    private final Connection connection;
    private final Duration pollInterval;
    private final Map<Watched, Lag> lags = new ConcurrentHashMap<>();
    private final AtomicLong deadLetterStreamMessages = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Counter pollFailures;
    private volatile ScheduledExecutorService executor;

    MessagingMeters(MeterRegistry registry, Connection connection, Duration pollInterval) {
        this.registry = registry;
        this.connection = connection;
        this.pollInterval = pollInterval;
        this.pollFailures = Counter.builder("paas.messaging.lag.poll.failures")
                .description("Rounds in which the consumer lag could not be read from NATS")
                .register(registry);
        Gauge.builder("paas.messaging.dead.letter.stream.messages", deadLetterStreamMessages, AtomicLong::get)
                .description("Messages held by the dead-letter stream " + JetStreamStreams.DEAD_LETTER_STREAM)
                .tag("stream", JetStreamStreams.DEAD_LETTER_STREAM)
                .register(registry);
    }

    /** Starts reporting the lag of a durable consumer this service reads from; the first poll runs at once. */
    void watch(String stream, String durable) {
        lags.computeIfAbsent(new Watched(stream, durable), watched -> {
            Lag lag = new Lag();
            Gauge.builder("paas.messaging.consumer.pending", lag.pending, AtomicLong::get)
                    .description("Messages of the stream not yet delivered to the durable consumer")
                    .tags("stream", stream, "consumer", durable)
                    .register(registry);
            Gauge.builder("paas.messaging.consumer.ack.pending", lag.ackPending, AtomicLong::get)
                    .description("Messages delivered to the durable consumer and not yet acknowledged")
                    .tags("stream", stream, "consumer", durable)
                    .register(registry);
            return lag;
        });
        startPolling();
    }

    /** Counts one message this service moved to the dead-letter stream. */
    void deadLettered(String durable, String subject) {
        Counter.builder("paas.messaging.dead.letters")
                .description("Messages this service's consumers moved to the dead-letter stream")
                .tags("consumer", durable, "type", eventType(subject))
                .register(registry)
                .increment();
    }

    /** {@code paas.project.project-created.v1} is of type {@code project.project-created}; other subjects stay. */
    static String eventType(String subject) {
        if (subject == null || !subject.startsWith("paas.")) {
            return String.valueOf(subject);
        }
        return subject.substring("paas.".length()).replaceFirst("\\.v\\d+$", "");
    }

    /** One round: asks the server for every watched consumer and the dead-letter stream. */
    void poll() {
        if (connection.getStatus() != Connection.Status.CONNECTED) {
            failed("NATS connection is " + connection.getStatus());
            return;
        }
        try {
            JetStreamManagement management = connection.jetStreamManagement(
                    JetStreamOptions.builder().requestTimeout(REQUEST_TIMEOUT).build());
            for (Map.Entry<Watched, Lag> entry : lags.entrySet()) {
                ConsumerInfo info = management.getConsumerInfo(entry.getKey().stream(), entry.getKey().durable());
                entry.getValue().pending.set(info.getNumPending());
                entry.getValue().ackPending.set(info.getNumAckPending());
            }
            deadLetterStreamMessages.set(management.getStreamInfo(JetStreamStreams.DEAD_LETTER_STREAM)
                    .getStreamState().getMsgCount());
            if (failing.compareAndSet(true, false)) {
                log.info("consumer lag readable again");
            }
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            failed(e.getMessage());
        }
    }

    private void failed(String reason) {
        if (executor == null) {
            // Shutting down: the round was interrupted on purpose.
            return;
        }
        pollFailures.increment();
        if (failing.compareAndSet(false, true)) {
            log.warn("cannot read the consumer lag from NATS, keeping the last values: " + reason);
        }
    }

    private synchronized void startPolling() {
        if (executor != null) {
            executor.execute(this::poll);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jetstream-lag");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void destroy() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private record Watched(String stream, String durable) {
    }

    private static final class Lag {
        final AtomicLong pending = new AtomicLong();
        final AtomicLong ackPending = new AtomicLong();
    }
}
