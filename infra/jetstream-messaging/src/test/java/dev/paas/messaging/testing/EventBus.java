package dev.paas.messaging.testing;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.testing.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * For service component tests: a JetStream server plus a client that publishes events the way other services do,
 * in their envelopes. It stays in this module's test-jar because it speaks the envelope ({@link EventCodec}); the
 * server itself is test-fixtures' {@link NatsServerProcess}.
 */
public final class EventBus implements AutoCloseable {

    private static EventBus shared;

    private final NatsServerProcess server;
    private final Connection client;
    private final EventCodec codec = new EventCodec();

    private EventBus(NatsServerProcess server, Connection client) {
        this.server = server;
        this.client = client;
    }

    /**
     * A client of the JVM's shared server ({@link NatsServerProcess#shared()}), the one every
     * {@code @ServiceComponentTest} context is bound to; closed when the JVM exits.
     */
    public static synchronized EventBus shared() {
        if (shared == null) {
            NatsServerProcess server = NatsServerProcess.shared();
            try {
                shared = new EventBus(server, Nats.connect(server.url()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot connect to the test JetStream server " + server.url(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while connecting to the test JetStream server", e);
            }
        }
        return shared;
    }

    /** A server and client of the caller's own, for a test that must not share the bus; {@link #close()} stops both. */
    public static EventBus start() throws IOException, InterruptedException {
        NatsServerProcess server = new NatsServerProcess().start();
        return new EventBus(server, Nats.connect(server.url()));
    }

    public String url() {
        return server.url();
    }

    public Connection client() {
        return client;
    }

    /** Publishes {@code event} in a new envelope, as its producer's outbox relay would. */
    public EventEnvelope publish(IntegrationEvent event) throws IOException, JetStreamApiException {
        EventEnvelope envelope = codec.envelope(event, null);
        republish(envelope);
        return envelope;
    }

    /** Publishes an envelope again, as a redelivery or replay would. */
    public void republish(EventEnvelope envelope) throws IOException, JetStreamApiException {
        client.jetStream().publish(envelope.subject(), codec.toBytes(envelope));
    }

    @Override
    public void close() throws InterruptedException {
        if (this == shared) {
            throw new IllegalStateException("the shared bus lives as long as the JVM; close only a bus of start()");
        }
        client.close();
        server.close();
    }
}
