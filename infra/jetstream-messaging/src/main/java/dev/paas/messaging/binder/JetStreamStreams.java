package dev.paas.messaging.binder;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Creates streams and durable consumers if they do not exist yet. A destination {@code paas.build} maps to the
 * stream {@code PAAS_BUILD} capturing {@code paas.build.>}; dead letters go to the stream {@code PAAS_DLQ}
 * capturing {@code dlq.>}, outside every source stream.
 */
class JetStreamStreams {

    static final String DEAD_LETTER_STREAM = "PAAS_DLQ";
    static final String DEAD_LETTER_PREFIX = "dlq.";

    private static final int STREAM_NOT_FOUND = 10059;
    private static final int STREAM_NAME_IN_USE = 10058;
    private static final Log log = LogFactory.getLog(JetStreamStreams.class);

    private final Connection connection;
    private final Duration duplicateWindow;

    JetStreamStreams(Connection connection, Duration duplicateWindow) {
        this.connection = connection;
        this.duplicateWindow = duplicateWindow;
    }

    static String streamName(String destination) {
        return destination.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "_");
    }

    static String subjectsOf(String destination) {
        return destination + ".>";
    }

    String ensureStream(String destination) {
        String name = streamName(destination);
        ensureStream(name, subjectsOf(destination));
        return name;
    }

    void ensureDeadLetterStream() {
        ensureStream(DEAD_LETTER_STREAM, DEAD_LETTER_PREFIX + ">");
    }

    void ensureDurable(String stream, String durable, String filterSubject, JetStreamConsumerProperties properties) {
        ConsumerConfiguration config = ConsumerConfiguration.builder()
                .durable(durable)
                .filterSubject(filterSubject)
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(properties.getAckWait())
                // The binder counts deliveries itself and dead-letters; the server must not give up first.
                .maxDeliver(properties.getMaxDeliver() + 1)
                .build();
        try {
            management().addOrUpdateConsumer(stream, config);
        } catch (JetStreamApiException e) {
            // Deliver and ack policies cannot change on an existing consumer: keep it as it is.
            log.warn("keeping existing durable consumer " + durable + " on " + stream + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create durable consumer " + durable + " on " + stream, e);
        }
    }

    private void ensureStream(String name, String subjects) {
        try {
            JetStreamManagement jsm = management();
            try {
                jsm.getStreamInfo(name);
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                    throw e;
                }
                jsm.addStream(StreamConfiguration.builder()
                        .name(name)
                        .subjects(subjects)
                        .storageType(StorageType.File)
                        .retentionPolicy(RetentionPolicy.Limits)
                        .maxAge(Duration.ofDays(7))
                        .duplicateWindow(duplicateWindow)
                        .build());
                log.info("created JetStream stream " + name + " for " + subjects);
            }
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NAME_IN_USE) {
                throw new IllegalStateException("cannot provision stream " + name + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot provision stream " + name, e);
        }
    }

    private JetStreamManagement management() throws IOException {
        return connection.jetStreamManagement();
    }
}
