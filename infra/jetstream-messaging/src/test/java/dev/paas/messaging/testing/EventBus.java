package dev.paas.messaging.testing;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import java.io.IOException;

/**
 * For service component tests: a JetStream server of the test's own plus a client that publishes events the way
 * other services do, in their envelopes.
 */
public final class EventBus implements AutoCloseable {

    private final NatsServerProcess server;
    private final Connection client;
    private final EventCodec codec = new EventCodec();

    private EventBus(NatsServerProcess server, Connection client) {
        this.server = server;
        this.client = client;
    }

    private static EventBus shared;

    /** One bus for all test classes of a JVM that share a Spring context; stopped when the JVM exits. */
    public static synchronized EventBus shared() throws IOException, InterruptedException {
        if (shared == null) {
            EventBus bus = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    bus.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            shared = bus;
        }
        return shared;
    }

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
        client.close();
        server.close();
    }
}
