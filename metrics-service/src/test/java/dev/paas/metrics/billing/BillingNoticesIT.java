package dev.paas.metrics.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.billing.WalletLow;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * billing-service's facts about an account, from JetStream to a real SMTP server (GreenMail) and a local webhook
 * receiver: one e-mail and one signed webhook per fact, however often it is replayed; nothing for a user without
 * channels; a late older fact is not sent after a newer one. The rate limit of 1 per hour shows that notices do not
 * count towards it.
 */
@ServiceComponentTest(database = "paas_metrics_billing", freshDatabase = true, properties = {
        "paas.metrics.notifications.worker=true",
        "paas.metrics.notifications.poll-interval=200ms",
        "paas.metrics.notifications.retry-delays=1s,1s,1s",
        "paas.metrics.notifications.rate-limit=1",
        "paas.metrics.notifications.rate-window=1h",
        // A durable consumer of this context's own: the JVM's other cached contexts, on other databases, would
        // otherwise share paas.billing's events with it as replicas and plan the notices into their databases.
        "spring.cloud.stream.bindings.billingEvents-in-0.group=metrics-service-billing-notices-it",
})
class BillingNoticesIT extends SecuredComponentTest {

    private static final GreenMail SMTP = startSmtp();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();

    private final EventBus bus = EventBus.shared();
    private final UUID owner = UUID.randomUUID();
    private final String address = "owner-" + owner + "@example.com";
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer hook;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("paas.metrics.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("paas.metrics.notifications.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("paas.metrics.notifications.smtp.from", () -> "billing@paas.test");
    }

    @BeforeEach
    void startHook() throws IOException {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Paas-Signature")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterEach
    void stopHook() {
        hook.stop(0);
    }

    @Test
    void sendsOneEmailAndOneSignedWebhookForALowBalanceHoweverOftenItIsReplayed() {
        addEmail();
        String secret = addWebhook();

        EventEnvelope low = publish(new WalletLow(owner, "1.2500", "USD", "2.4000", "0.1000"));
        republish(low);
        republish(low);

        await().atMost(Duration.ofSeconds(20)).until(() -> mails().size() == 1 && received.size() == 1);
        MimeMessage mail = mails().getFirst();
        assertThat(subject(mail)).isEqualTo("PaaS: Your balance is low");
        assertThat(content(mail)).contains("Your balance is low: 1.2500 USD left, about 12 h at 0.1000 USD/h."
                + " Top up to keep your apps running.");
        Received delivered = received.getFirst();
        assertThat(delivered.signature()).isEqualTo("sha256=" + hmac(secret, delivered.body()));
        JsonNode body = JSON.readTree(delivered.body());
        assertThat(body.path("type").asString()).isEqualTo("billing.wallet-low");
        assertThat(body.path("id").asString()).isEqualTo(low.id().toString());
        assertThat(body.path("userId").asString()).isEqualTo(owner.toString());
        assertThat(body.path("balance").asString()).isEqualTo("1.2500");
        assertThat(body.path("currency").asString()).isEqualTo("USD");
        assertThat(body.path("threshold").asString()).isEqualTo("2.4000");
        assertThat(body.path("hourlyBurn").asString()).isEqualTo("0.1000");
        assertThat(body.path("text").asString()).startsWith("Your balance is low: 1.2500 USD left");
        assertThat(body.path("content").asString()).isEqualTo(body.path("text").asString());

        // A replay after the sending, too, sends nothing more.
        republish(low);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mails().size() == 1 && received.size() == 1);
        assertThat(jdbc.queryForList("select status from notification_deliveries where alert_id = ?", String.class,
                low.id())).containsExactly("SENT", "SENT");
    }

    @Test
    void tellsOfTheSuspensionAndOfTheReinstatementOverEveryChannel() {
        addEmail();
        addWebhook();

        publish(new AccountSuspended(owner, "-0.4200", "USD",
                "the balance stayed at -0.42 USD through the 24 h grace period"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails().size() == 1 && received.size() == 1);
        assertThat(subject(mails().getFirst())).isEqualTo("PaaS: Your account is suspended");
        assertThat(content(mails().getFirst())).contains("Your account is suspended: the balance stayed at -0.42 USD"
                + " through the 24 h grace period.").contains("Top up");
        JsonNode suspended = JSON.readTree(received.getFirst().body());
        assertThat(suspended.path("type").asString()).isEqualTo("billing.account-suspended");
        assertThat(suspended.path("reason").asString()).contains("24 h grace period");
        assertThat(suspended.path("balance").asString()).isEqualTo("-0.4200");

        publish(new AccountReinstated(owner, "5.0000", "USD"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails().size() == 2 && received.size() == 2);
        assertThat(subject(mails().get(1))).isEqualTo("PaaS: Your account is active again");
        assertThat(content(mails().get(1))).contains("Your account is active again: your balance is 5.0000 USD.");
        JsonNode reinstated = JSON.readTree(received.get(1).body());
        assertThat(reinstated.path("type").asString()).isEqualTo("billing.account-reinstated");
        assertThat(reinstated.path("balance").asString()).isEqualTo("5.0000");
    }

    @Test
    void doesNotSendALateSuspensionAfterTheReinstatementThatFollowedIt() {
        addEmail();
        EventEnvelope suspension = CODEC.envelope(new AccountSuspended(owner, "-0.4200", "USD", "grace ended"), null);
        publish(new AccountReinstated(owner, "5.0000", "USD"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails().size() == 1);

        EventEnvelope late = new EventEnvelope(suspension.id(), suspension.type(), suspension.version(),
                suspension.occurredAt().minus(Duration.ofHours(1)), suspension.aggregateId(),
                suspension.traceparent(), suspension.payload());
        republish(late);

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(late.id()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mails().size() == 1);
        assertThat(subject(mails().getFirst())).isEqualTo("PaaS: Your account is active again");
    }

    @Test
    void sendsNothingToAUserWithoutChannels() {
        EventEnvelope low = publish(new WalletLow(owner, "0.5000", "USD", "2.4000", "0.1000"));

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(low.id()));
        assertThat(jdbc.queryForObject("select count(*) from notification_deliveries where alert_id = ?", Long.class,
                low.id())).isZero();
        assertThat(mails()).isEmpty();
    }

    private void addEmail() {
        HttpResponse<String> created = send(Map.of("type", "email", "address", address));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    private String addWebhook() {
        HttpResponse<String> created = send(Map.of("type", "webhook",
                "url", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook"));
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).path("signingSecret").asString();
    }

    private HttpResponse<String> send(Map<String, String> channel) {
        return ServiceCalls.on(port).send("POST", "/api/v1/notification-channels", JSON.writeValueAsString(channel),
                tokens.user(owner));
    }

    private boolean processed(UUID eventId) {
        Long count = jdbc.queryForObject(
                "select count(*) from processed_event where consumer = 'metrics-service-billing' and event_id = ?",
                Long.class, eventId);
        return count != null && count == 1;
    }

    private EventEnvelope publish(IntegrationEvent event) {
        EventEnvelope envelope = CODEC.envelope(event, null);
        republish(envelope);
        return envelope;
    }

    private void republish(EventEnvelope envelope) {
        try {
            bus.republish(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.nats.client.JetStreamApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MimeMessage> mails() {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Received(String body, String signature) {
    }
}
