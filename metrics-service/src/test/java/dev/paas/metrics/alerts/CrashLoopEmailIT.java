package dev.paas.metrics.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.messaging.EventEnvelope;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A crash loop opens one alert and sends its owner one e-mail through a real SMTP server, however often the fact is
 * replayed; the project's next healthy container resolves it, with one more e-mail.
 */
class CrashLoopEmailIT extends AlertsComponentTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final String address = "owner-" + owner + "@example.com";

    @Test
    void sendsOneEmailPerTransitionEvenWhenTheCrashLoopIsReplayed() throws Exception {
        HttpResponse<String> channel = send("POST", "/api/v1/notification-channels",
                Map.of("type", "email", "address", address), tokens.user(owner));
        assertThat(channel.statusCode()).isEqualTo(201);
        assertThat(json(channel).path("type").asString()).isEqualTo("email");
        assertThat(json(channel).has("signingSecret")).isFalse();

        UUID deploymentId = UUID.randomUUID();
        EventEnvelope crash = bus.publish(new CrashLoopDetected(projectId, deploymentId, owner, 5, 60,
                List.of(137L, 137L), List.of("starting", "Error: cannot connect to the database")));
        bus.republish(crash);
        bus.republish(crash);

        JsonNode alert = await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(owner), list -> list.size() == 1)
                .get(0);
        assertThat(alert.path("kind").asString()).isEqualTo("CRASH_LOOP");
        assertThat(alert.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alert.path("projectId").asString()).isEqualTo(projectId.toString());
        String alertId = alert.path("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 1);
        MimeMessage mail = mailsTo(address).getFirst();
        assertThat(mail.getSubject()).contains("[CRITICAL] crash loop in project " + projectId);
        assertThat(mail.getContent().toString()).contains("crashed 5 times within 60 seconds")
                .contains("cannot connect to the database");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@paas.test");
        // The same crash loop reported again under a new event id updates the open alert: no new alert, no new mail.
        bus.publish(new CrashLoopDetected(projectId, deploymentId, owner, 6, 60, List.of(137L), List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(owner).getFirst().path("message").asString()
                .contains("6 times"));
        assertThat(openAlerts(owner)).hasSize(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(address).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> published("metrics.alert-raised", alertId) == 1);

        bus.publish(new ContainerHealthy(UUID.randomUUID(), projectId, "c-" + UUID.randomUUID(),
                "http://shop.paas.localhost"));

        await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(owner).isEmpty());
        JsonNode resolved = json(get("/api/v1/alerts/" + alertId, owner));
        assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolveReason").asString()).isEqualTo("the app is healthy again");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 2);
        assertThat(mailsTo(address).get(1).getSubject()).contains("[RESOLVED] crash loop");
        await().atMost(Duration.ofSeconds(20)).until(() -> published("metrics.alert-resolved", alertId) == 1);
        assertThat(published("metrics.alert-raised", alertId)).isEqualTo(1);
        assertThat(get("/actuator/prometheus", (String) null).body()).contains("paas_alerts_open")
                .contains("paas_notifications_sent_total{application=\"metrics-service\",channel=\"email\"}");
    }

    @Test
    void showsAlertsOnlyToTheirOwnerAndEveryAlertToAdministrators() throws Exception {
        bus.publish(new CrashLoopDetected(projectId, UUID.randomUUID(), owner, 3, 30, List.of(1L), List.of()));
        JsonNode alert = await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(owner), list -> list.size() == 1)
                .get(0);
        String alertId = alert.path("id").asString();
        UUID stranger = UUID.randomUUID();

        assertThat(get("/api/v1/alerts", stranger).body()).isEqualTo("[]");
        assertThat(get("/api/v1/alerts/" + alertId, stranger).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/admin/alerts", owner).statusCode()).isEqualTo(403);
        HttpResponse<String> admin = get("/api/v1/admin/alerts?state=open&limit=500", tokens.admin(stranger));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains(alertId);
        assertThat(get("/api/v1/alerts?state=resolved", owner).body()).isEqualTo("[]");
        HttpResponse<String> badState = get("/api/v1/alerts?state=closed", owner);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("state");
        assertThat(get("/api/v1/alerts?limit=0", owner).statusCode()).isEqualTo(400);
    }

    private List<JsonNode> openAlerts(UUID user) {
        List<JsonNode> alerts = new ArrayList<>();
        json(get("/api/v1/alerts?state=open", user)).forEach(alerts::add);
        return alerts;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
