package dev.paas.messaging.binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.testing.NatsServerProcess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer-lag and dead-letter meters against a real nats-server of the test's own, which it stops. */
class MessagingMetersIT {

    private static final String DURABLE = "lag-it";

    private NatsServerProcess nats;
    private Connection connection;
    private MessagingMeters meters;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        nats = new NatsServerProcess().start();
        connection = Nats.connectReconnectOnConnect(new Options.Builder().server(nats.url()).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(200)).build());
        JetStreamStreams streams = new JetStreamStreams(connection, Duration.ofMinutes(1));
        streams.ensureStream("paas.lag");
        streams.ensureDeadLetterStream();
        streams.ensureDurable("PAAS_LAG", DURABLE, "paas.lag.>", new JetStreamConsumerProperties());
        meters = new MessagingMeters(registry, connection, Duration.ofMillis(100));
    }

    @AfterEach
    void stop() throws Exception {
        meters.destroy();
        connection.close();
        nats.close();
    }

    @Test
    void reportsMessagesNotYetDeliveredAndDeliveredButNotAcked() throws Exception {
        meters.watch("PAAS_LAG", DURABLE);
        assertThat(pending()).isZero();
        for (int i = 0; i < 3; i++) {
            connection.jetStream().publish("paas.lag.thing-happened.v1", ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 3);

        JetStreamSubscription subscription = connection.jetStream().subscribe("paas.lag.>",
                PullSubscribeOptions.bind("PAAS_LAG", DURABLE));
        List<Message> delivered = subscription.fetch(2, Duration.ofSeconds(2));
        assertThat(delivered).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 1 && ackPending() == 2);

        delivered.forEach(Message::ack);
        await().atMost(Duration.ofSeconds(10)).until(() -> ackPending() == 0);
    }

    @Test
    void countsDeadLettersAndTheDeadLetterStreamsMessages() throws Exception {
        meters.watch("PAAS_LAG", DURABLE);
        connection.jetStream().publish("dlq.paas.lag.thing-happened.v1", "dead".getBytes(StandardCharsets.UTF_8));
        connection.jetStream().publish("dlq.paas.lag.thing-happened.v1", "dead".getBytes(StandardCharsets.UTF_8));
        meters.deadLettered(DURABLE, "paas.lag.thing-happened.v1");

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("paas.messaging.dead.letter.stream.messages")
                .gauge().value() == 2);
        assertThat(registry.get("paas.messaging.dead.letters").tags("consumer", DURABLE, "type", "lag.thing-happened")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void keepsTheLastValuesAndCarriesOnWhileNatsIsDown() throws Exception {
        meters.watch("PAAS_LAG", DURABLE);
        connection.jetStream().publish("paas.lag.thing-happened.v1", "m".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 1);

        nats.stop();
        double failuresBefore = pollFailures();
        await().atMost(Duration.ofSeconds(10)).until(() -> pollFailures() >= failuresBefore + 3);
        assertThat(pending()).isEqualTo(1);

        nats.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> connection.getStatus() == Connection.Status.CONNECTED);
        connection.jetStream().publish("paas.lag.thing-happened.v1", "m2".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 2);
    }

    private double pending() {
        return registry.get("paas.messaging.consumer.pending").tags("stream", "PAAS_LAG", "consumer", DURABLE)
                .gauge().value();
    }

    private double ackPending() {
        return registry.get("paas.messaging.consumer.ack.pending").tags("stream", "PAAS_LAG", "consumer", DURABLE)
                .gauge().value();
    }

    private double pollFailures() {
        return registry.get("paas.messaging.lag.poll.failures").counter().count();
    }
}
