package dev.paas.metrics.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.paas.contracts.database.BackupCompleted;
import dev.paas.contracts.database.BackupFailed;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Webhook notifications against a local HTTP server: a signed body Slack and Discord accept, a 500 retried until it
 * succeeds, and a burst folded by the rate limit (3 per 10 s in these tests) into the next message.
 */
class WebhookNotificationsIT extends AlertsComponentTest {

    private final UUID owner = UUID.randomUUID();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer hook;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void startHook() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Paas-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Paas-Timestamp")));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterEach
    void stopHook() {
        hook.stop(0);
    }

    @Test
    void retriesAFailingWebhookAndSignsTheBody() {
        String secret = addWebhook();
        failuresLeft.set(1);
        UUID databaseId = UUID.randomUUID();

        publish(new BackupFailed(UUID.randomUUID(), databaseId, owner, "SCHEDULED", "pg_dump exited with 1"));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        Received delivered = received.get(1);
        assertThat(delivered.body()).isEqualTo(received.get(0).body());
        assertThat(delivered.signature()).isEqualTo("sha256=" + hmac(secret, delivered.body()));
        assertThat(Long.parseLong(delivered.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
        JsonNode body = JSON.readTree(delivered.body());
        assertThat(body.path("text").asString()).startsWith("[WARNING] backup failed of database " + databaseId)
                .contains("pg_dump exited with 1");
        assertThat(body.path("content").asString()).isEqualTo(body.path("text").asString());
        assertThat(body.path("alert").path("kind").asString()).isEqualTo("BACKUP_FAILED");
        assertThat(body.path("alert").path("transition").asString()).isEqualTo("RAISED");
        String alertId = body.path("alert").path("id").asString();
        assertThat(jdbc.queryForMap("select status, attempts from notification_deliveries where alert_id = ?",
                UUID.fromString(alertId))).containsEntry("status", "SENT").containsEntry("attempts", 2);

        publish(new BackupCompleted(UUID.randomUUID(), databaseId, owner, "SCHEDULED", 10, "abc", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 3);
        assertThat(JSON.readTree(received.get(2).body()).path("alert").path("transition").asString())
                .isEqualTo("RESOLVED");
    }

    @Test
    void foldsABurstOverTheRateLimitIntoTheNextMessage() {
        addWebhook();
        for (int i = 0; i < 6; i++) {
            publish(new BackupFailed(UUID.randomUUID(), UUID.randomUUID(), owner, "SCHEDULED", "disk full " + i));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> statuses().getOrDefault("SUPPRESSED", 0L) == 3L);
        assertThat(statuses()).containsEntry("SENT", 3L);
        assertThat(received).hasSize(3);
        // Once the window has passed, the next alert is sent with the three held back counted in it.
        await().atMost(Duration.ofSeconds(15)).until(() -> countedWithinTheWindow() == 0);
        publish(new BackupFailed(UUID.randomUUID(), UUID.randomUUID(), owner, "MANUAL", "disk full again"));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 4);
        assertThat(JSON.readTree(received.get(3).body()).path("text").asString())
                .contains("disk full again").contains("and 3 more alerts");
        assertThat(JSON.readTree(received.get(3).body()).path("alert").path("suppressedSinceLast").asInt())
                .isEqualTo(3);
    }

    @Test
    void refusesABadChannelNamingTheField() {
        HttpResponse<String> badUrl = send("POST", "/api/v1/notification-channels",
                Map.of("type", "webhook", "url", "ftp://example.com/hook"), tokens.user(owner));
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("url");
        HttpResponse<String> badType = send("POST", "/api/v1/notification-channels", Map.of("type", "sms"),
                tokens.user(owner));
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("type");
        HttpResponse<String> badAddress = send("POST", "/api/v1/notification-channels",
                Map.of("type", "email", "address", "not-an-address"), tokens.user(owner));
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(badAddress.body()).contains("address");
    }

    @Test
    void listsAndDeletesOnlyTheCallersChannels() {
        addWebhook();
        JsonNode listed = json(get("/api/v1/notification-channels", owner));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).has("signingSecret")).isFalse();
        String channelId = listed.get(0).path("id").asString();
        UUID stranger = UUID.randomUUID();

        assertThat(send("DELETE", "/api/v1/notification-channels/" + channelId, null, tokens.user(stranger))
                .statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/notification-channels/" + channelId, null, tokens.user(owner))
                .statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/notification-channels", owner).body()).isEqualTo("[]");
    }

    private String addWebhook() {
        HttpResponse<String> created = send("POST", "/api/v1/notification-channels",
                Map.of("type", "webhook", "url", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook"),
                tokens.user(owner));
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = json(created).path("signingSecret").asString();
        assertThat(secret).startsWith("whsec_");
        return secret;
    }

    private long countedWithinTheWindow() {
        Long counted = jdbc.queryForObject("""
                select count(*) from notification_deliveries d join notification_channels c on c.id = d.channel_id
                where c.owner_id = ? and d.counted_at > now() - interval '10 seconds'""", Long.class, owner);
        return counted == null ? 0 : counted;
    }

    private Map<String, Long> statuses() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query("""
                select d.status, count(*) from notification_deliveries d join notification_channels c
                on c.id = d.channel_id where c.owner_id = ? group by d.status""",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, owner);
        return counts;
    }

    private void publish(dev.paas.contracts.IntegrationEvent event) {
        try {
            bus.publish(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Received(String body, String signature, String timestamp) {
    }
}
