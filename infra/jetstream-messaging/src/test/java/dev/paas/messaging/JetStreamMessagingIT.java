package dev.paas.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.ids.UuidV7;
import dev.paas.testing.NatsServerProcess;
import dev.paas.testing.TestDatabases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The binder, outbox and inbox against a real nats-server with JetStream (the test's own, so it can be restarted)
 * and the real PostgreSQL server.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
class JetStreamMessagingIT {

    private static NatsServerProcess nats;

    @Autowired
    MessagingTestApplication.Widgets widgets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void natsUrl(DynamicPropertyRegistry registry) throws Exception {
        TestDatabases.url("paas_messaging_test");
        nats = new NatsServerProcess().start();
        registry.add("spring.cloud.stream.jetstream.binder.url", nats::url);
    }

    @AfterAll
    static void stopNats() {
        nats.close();
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from heard_widget");
    }

    @Test
    void deliversCommittedEventsToTheConsumerGroup() {
        List<UUID> ids = List.of(widgets.register("alpha"), widgets.register("beta"), widgets.register("gamma"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.queryForList("select project_id from heard_widget", UUID.class)).containsExactlyInAnyOrderElementsOf(ids));
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Integer.class))
                .isZero();
    }

    @Test
    void neverPublishesAnEventWhoseTransactionRolledBack() {
        assertThatThrownBy(() -> widgets.registerThenFail("ghost")).isInstanceOf(IllegalArgumentException.class);
        widgets.register("after-ghost");

        await().atMost(Duration.ofSeconds(20)).until(() -> heard("after-ghost") == 1);
        assertThat(heard("ghost")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like '%\"ghost\"%'",
                Integer.class)).isZero();
    }

    @Test
    void appliesAReplayedEventOnlyOnce() throws Exception {
        UUID projectId = UuidV7.next();
        byte[] envelope = codec.toBytes(codec.envelope(new ProjectCreated(projectId, "replayed"), null));
        try (Connection connection = Nats.connect(nats.url())) {
            // Distinct message ids defeat JetStream's duplicate window: only the inbox can stop the second one.
            connection.jetStream().publish("paas.project.project-created.v1", envelope);
            connection.jetStream().publish("paas.project.project-created.v1", envelope);
        }
        widgets.register("marker-after-replay");

        await().atMost(Duration.ofSeconds(20)).until(() -> heard("marker-after-replay") == 1);
        assertThat(heard("replayed")).isEqualTo(1);
    }

    @Test
    void loosesNothingAndDuplicatesNothingAcrossANatsRestart() throws Exception {
        widgets.register("before-restart");
        await().atMost(Duration.ofSeconds(20)).until(() -> heard("before-restart") == 1);

        nats.stop();
        for (int i = 0; i < 5; i++) {
            widgets.register("during-outage-" + i);
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Integer.class))
                .isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("paas.outbox.pending")).isGreaterThanOrEqualTo(5);
            assertThat(gauge("paas.outbox.oldest.pending.age")).isPositive();
        });
        nats.start();
        widgets.register("after-restart");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(heard("after-restart")).isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                assertThat(heard("during-outage-" + i)).isEqualTo(1);
            }
        });
        assertThat(heard("before-restart")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("paas.outbox.pending")).isZero();
            assertThat(gauge("paas.outbox.oldest.pending.age")).isZero();
        });
    }

    @Test
    void reportsTheLagOfItsDurableConsumer() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.find("paas.messaging.consumer.pending").tags("stream", "PAAS_PROJECT",
                    "consumer", "messaging-it").gauge()).isNotNull();
            assertThat(meters.find("paas.messaging.consumer.ack.pending").tags("stream", "PAAS_PROJECT",
                    "consumer", "messaging-it").gauge()).isNotNull();
            assertThat(meters.find("paas.messaging.dead.letter.stream.messages").gauge()).isNotNull();
        });
        widgets.register("lag-marker");
        await().atMost(Duration.ofSeconds(20)).until(() -> heard("lag-marker") == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters.get("paas.messaging.consumer.pending")
                .tags("stream", "PAAS_PROJECT", "consumer", "messaging-it").gauge().value()).isZero());
    }

    @Test
    void deadLettersAPoisonMessageWithTheReason() throws Exception {
        double deadLettersBefore = deadLetters();
        double deadLetterStreamBefore = gauge("paas.messaging.dead.letter.stream.messages");
        try (Connection connection = Nats.connect(nats.url())) {
            JetStreamSubscription dlq = deadLetterSubscription(connection, "paas.project.project-created.v1");
            connection.jetStream().publish("paas.project.project-created.v1", new Headers(),
                    "this is not json".getBytes(StandardCharsets.UTF_8));

            io.nats.client.Message dead = fetchOne(dlq);
            assertThat(new String(dead.getData(), StandardCharsets.UTF_8)).isEqualTo("this is not json");
            assertThat(dead.getHeaders().getFirst("paas-dlq-reason")).contains("not an event envelope");
            assertThat(dead.getHeaders().getFirst("paas-dlq-consumer")).isEqualTo("messaging-it");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters() >= deadLettersBefore + 1);
        await().atMost(Duration.ofSeconds(10)).until(
                () -> gauge("paas.messaging.dead.letter.stream.messages") > deadLetterStreamBefore);
    }

    @Test
    void redeliversAFailingHandlerThenDeadLettersIt() throws Exception {
        try (Connection connection = Nats.connect(nats.url())) {
            JetStreamSubscription dlq = deadLetterSubscription(connection, "paas.project.project-created.v1");
            widgets.register(MessagingTestApplication.FAILING_SLUG_PREFIX + "always");

            io.nats.client.Message dead = fetchOne(dlq);
            assertThat(dead.getHeaders().getFirst("paas-dlq-reason"))
                    .contains("failed 3 deliveries")
                    .contains("widget store unavailable for fail-always");
            assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                    codec.fromBytes(dead.getData()).id())).isZero();
        }
    }

    private static JetStreamSubscription deadLetterSubscription(Connection connection, String subject) throws Exception {
        PullSubscribeOptions options = PullSubscribeOptions.builder()
                .configuration(ConsumerConfiguration.builder().deliverPolicy(io.nats.client.api.DeliverPolicy.New).build())
                .build();
        return connection.jetStream().subscribe("dlq." + subject, options);
    }

    private static io.nats.client.Message fetchOne(JetStreamSubscription subscription) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<io.nats.client.Message> messages = subscription.fetch(1, Duration.ofMillis(500));
            return messages.isEmpty() ? null : messages.get(0);
        }, message -> message != null);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private double deadLetters() {
        Counter counter = meters.find("paas.messaging.dead.letters")
                .tags("consumer", "messaging-it", "type", "project.project-created").counter();
        return counter == null ? 0 : counter.count();
    }

    private int heard(String slug) {
        return jdbc.queryForObject("select count(*) from heard_widget where slug = ?", Integer.class, slug);
    }
}
