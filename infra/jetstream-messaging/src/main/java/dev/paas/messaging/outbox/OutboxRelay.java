package dev.paas.messaging.outbox;

import dev.paas.messaging.binder.JetStreamHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows in order and marks each sent only after JetStream acknowledged it. Runs right after
 * a commit and on a fixed interval, so publishing resumes on its own after NATS or the service restarts. Replicas
 * share the table through {@code FOR UPDATE SKIP LOCKED}; the event id as {@code Nats-Msg-Id} makes a publish that
 * was acknowledged but not marked harmless when it is repeated.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(OutboxRelay.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StreamBridge streamBridge;
    private final Duration interval;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, StreamBridge streamBridge, Duration interval) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.streamBridge = streamBridge;
        this.interval = interval;
    }

    /** Asks for a publishing round as soon as possible; several calls before it runs make one round. */
    public void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && wakeUpPending.compareAndSet(false, true)) {
            current.execute(this::publishRound);
        }
    }

    /**
     * Publishes everything pending, stopping at the first failure so order is kept; returns how many rows were
     * published. Safe to call from any thread.
     */
    public int publishPending() {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += published;
        } while (published == BATCH);
        return total;
    }

    private void publishRound() {
        wakeUpPending.set(false);
        try {
            publishPending();
        } catch (RuntimeException e) {
            log.warn("outbox relay paused, will retry: " + e.getMessage());
        }
    }

    private int publishBatch() {
        Integer count = transactions.execute(status -> {
            List<Row> rows = jdbc.query("""
                    select id, destination, subject, envelope from outbox_event
                    where published_at is null order by occurred_at, id limit ? for update skip locked""",
                    (rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("destination"),
                            rs.getString("subject"), rs.getString("envelope")),
                    BATCH);
            int sent = 0;
            for (Row row : rows) {
                try {
                    streamBridge.send(row.destination(), row.toMessage());
                } catch (RuntimeException e) {
                    log.warn("cannot publish " + row.subject() + " " + row.id() + ", will retry: " + e.getMessage());
                    break;
                }
                jdbc.update("update outbox_event set published_at = now() where id = ?", row.id());
                sent++;
            }
            return sent;
        });
        return count == null ? 0 : count;
    }

    /** Deletes published rows older than {@code age}; the JetStream stream keeps the history. */
    public int purgePublishedOlderThan(Duration age) {
        return jdbc.update("delete from outbox_event where published_at < now() - make_interval(secs => ?)",
                (double) age.toSeconds());
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::publishRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> purgePublishedOlderThan(Duration.ofDays(7)), 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record Row(UUID id, String destination, String subject, String envelope) {

        Message<byte[]> toMessage() {
            return MessageBuilder.withPayload(envelope.getBytes(StandardCharsets.UTF_8))
                    .setHeader(JetStreamHeaders.SUBJECT, subject)
                    .setHeader(JetStreamHeaders.MESSAGE_ID, id.toString())
                    .setHeader("paas-event-id", id.toString())
                    .setHeader("contentType", "application/json")
                    .build();
        }
    }
}
