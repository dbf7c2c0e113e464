package dev.paas.metrics.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.metrics.capacity.HostSample;
import dev.paas.metrics.capacity.HostSampled;
import dev.paas.metrics.containers.ContainerKind;
import dev.paas.metrics.containers.ContainerSample;
import dev.paas.metrics.containers.ContainersSampled;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * Container thresholds over sampling passes published as the sampler publishes them: an alert opens after the
 * rule's duration, is updated while the condition persists, resolves when it clears, re-opens within the flap
 * window, and resolves when the container is gone; the same pass twice (two replicas) changes nothing. The passes
 * are dated an hour ahead, so a real sampler of another test context cannot see these containers as gone.
 */
class ContainerAlertsIT extends AlertsComponentTest {

    private static final long MB = 1024 * 1024;

    @Autowired
    private ApplicationEventPublisher events;

    private final UUID owner = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final String containerId = "c" + UUID.randomUUID().toString().replace("-", "");
    private final Instant start = Instant.now().plus(Duration.ofHours(1));

    @Test
    void opensAfterTheDurationUpdatesResolvesAndReopensTheSameAlert() {
        pass(0, 30 * MB);
        pass(1000, 30 * MB);
        assertThat(alerts("all")).isEmpty();

        pass(2500, 30 * MB);
        pass(2500, 30 * MB);
        List<JsonNode> open = alerts("open");
        assertThat(open).hasSize(1);
        JsonNode alert = open.getFirst();
        assertThat(alert.path("kind").asString()).isEqualTo("CONTAINER_MEMORY");
        assertThat(alert.path("containerId").asString()).isEqualTo(containerId);
        assertThat(alert.path("message").asString()).isEqualTo(
                "memory at 94 % of its 32 MB limit for 2 seconds (threshold 90 %)");
        String alertId = alert.path("id").asString();

        pass(3000, 31 * MB);
        assertThat(alerts("open")).singleElement().satisfies(updated -> {
            assertThat(updated.path("id").asString()).isEqualTo(alertId);
            assertThat(updated.path("lastValue").asDouble()).isGreaterThan(96);
        });

        pass(4000, 8 * MB);
        assertThat(alerts("open")).isEmpty();
        assertThat(alerts("resolved")).singleElement().satisfies(resolved ->
                assertThat(resolved.path("resolveReason").asString()).isEqualTo("memory at 25 % of its 32 MB limit"));

        pass(5000, 30 * MB);
        pass(7500, 30 * MB);
        assertThat(alerts("open")).singleElement().satisfies(reopened -> {
            assertThat(reopened.path("id").asString()).isEqualTo(alertId);
            assertThat(reopened.path("openings").asInt()).isEqualTo(2);
        });

        events.publishEvent(new ContainersSampled(start.plusMillis(8500), List.of()));
        assertThat(alerts("all")).singleElement().satisfies(gone -> {
            assertThat(gone.path("state").asString()).isEqualTo("RESOLVED");
            assertThat(gone.path("resolveReason").asString()).isEqualTo("the container is gone");
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> published("metrics.alert-raised", alertId) == 2
                && published("metrics.alert-resolved", alertId) == 2);
    }

    @Test
    void appliesAProjectsOwnThresholdBesideTheDefault() throws Exception {
        registerProject();
        HttpResponse<String> created = send("POST", "/api/v1/projects/" + projectId + "/alert-rules",
                Map.of("metric", "memory", "thresholdPercent", 50, "duration", "1m"), tokens.user(owner));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode rule = json(created);
        assertThat(rule.path("scope").asString()).isEqualTo("PROJECT");
        assertThat(rule.path("durationSeconds").asLong()).isEqualTo(60);

        pass(0, 20 * MB);
        pass(30_000, 20 * MB);
        assertThat(alerts("open")).isEmpty();
        pass(61_000, 20 * MB);
        assertThat(alerts("open")).singleElement().satisfies(alert -> {
            assertThat(alert.path("severity").asString()).isEqualTo("WARNING");
            assertThat(alert.path("message").asString()).contains("63 %").contains("for 1 minute (threshold 50 %)");
        });

        assertThat(send("DELETE", "/api/v1/projects/" + projectId + "/alert-rules/" + rule.path("id").asString(),
                null, tokens.user(owner)).statusCode()).isEqualTo(204);
        assertThat(alerts("open")).isEmpty();
        assertThat(alerts("resolved")).singleElement().satisfies(resolved ->
                assertThat(resolved.path("resolveReason").asString()).isEqualTo("its rule was deleted"));
        assertThat(get("/api/v1/projects/" + projectId + "/alert-rules", owner).body()).isEqualTo("[]");
    }

    @Test
    void answersAnotherUsersProjectLikeAMissingOneAndNamesTheBadField() throws Exception {
        registerProject();
        UUID stranger = UUID.randomUUID();
        Map<String, Object> good = Map.of("metric", "cpu", "thresholdPercent", 80, "duration", "5m");

        assertThat(get("/api/v1/projects/" + projectId + "/alert-rules", stranger).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/projects/" + projectId + "/alert-rules", good, tokens.user(stranger))
                .statusCode()).isEqualTo(404);
        HttpResponse<String> bad = send("POST", "/api/v1/projects/" + projectId + "/alert-rules",
                Map.of("metric", "cpu", "thresholdPercent", 150, "duration", "5m"), tokens.user(owner));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("thresholdPercent");
        HttpResponse<String> shortDuration = send("POST", "/api/v1/projects/" + projectId + "/alert-rules",
                Map.of("metric", "cpu", "thresholdPercent", 80, "duration", "10s"), tokens.user(owner));
        assertThat(shortDuration.statusCode()).isEqualTo(400);
        assertThat(shortDuration.body()).contains("duration");
    }

    @Test
    void letsOnlyAdministratorsSetPlatformRulesOverTheDefaults() {
        Map<String, Object> rule = Map.of("metric", "host-disk", "thresholdPercent", 99, "duration", "10m");
        assertThat(send("POST", "/api/v1/admin/alert-rules", rule, tokens.user(owner)).statusCode()).isEqualTo(403);

        String admin = tokens.admin(owner);
        HttpResponse<String> set = send("POST", "/api/v1/admin/alert-rules", rule, admin);
        assertThat(set.statusCode()).isEqualTo(201);
        String ruleId = json(set).path("id").asString();
        try {
            JsonNode platform = json(send("GET", "/api/v1/admin/alert-rules", null, admin));
            List<String> scopes = new ArrayList<>();
            platform.forEach(entry -> scopes.add(entry.path("metric").asString() + "=" + entry.path("scope")
                    .asString()));
            assertThat(scopes).contains("host-disk=PLATFORM", "memory=DEFAULT", "cpu=DEFAULT");
        } finally {
            assertThat(send("DELETE", "/api/v1/admin/alert-rules/" + ruleId, null, admin).statusCode())
                    .isEqualTo(204);
        }
        assertThat(send("DELETE", "/api/v1/admin/alert-rules/" + ruleId, null, admin).statusCode()).isEqualTo(404);
    }

    @Test
    void raisesAPlatformAlertWhenTheHostsMemoryStaysOverItsThreshold() {
        String host = "node-" + UUID.randomUUID();
        long gb = 1024 * MB;

        events.publishEvent(new HostSampled(new HostSample(host, start, 2, 10, 16 * gb, 15 * gb, 100 * gb, 10 * gb),
                85));
        assertThat(platformAlerts(host)).isEmpty();
        events.publishEvent(new HostSampled(new HostSample(host, start.plusSeconds(61), 2, 10, 16 * gb, 15 * gb,
                100 * gb, 10 * gb), 85));
        List<JsonNode> open = platformAlerts(host);
        assertThat(open).singleElement().satisfies(alert -> {
            assertThat(alert.path("kind").asString()).isEqualTo("HOST_MEMORY");
            assertThat(alert.path("ownerId").isNull()).isTrue();
            assertThat(alert.path("state").asString()).isEqualTo("OPEN");
            assertThat(alert.path("message").asString()).startsWith("host " + host + " memory at 94 %");
        });

        events.publishEvent(new HostSampled(new HostSample(host, start.plusSeconds(62), 2, 10, 16 * gb, 4 * gb,
                100 * gb, 10 * gb), 85));
        assertThat(platformAlerts(host)).singleElement().satisfies(alert ->
                assertThat(alert.path("state").asString()).isEqualTo("RESOLVED"));
    }

    private List<JsonNode> platformAlerts(String host) {
        List<JsonNode> alerts = new ArrayList<>();
        json(get("/api/v1/admin/alerts?limit=500", tokens.admin(owner))).forEach(alert -> {
            if (alert.path("message").asString().contains(host)) {
                alerts.add(alert);
            }
        });
        return alerts;
    }

    private void registerProject() throws Exception {
        bus.publish(new ProjectCreated(projectId, "shop-" + projectId.toString().substring(0, 8), owner,
                "https://github.com/acme/shop.git", "main", null));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/v1/projects/" + projectId + "/alert-rules", owner).statusCode() == 200);
    }

    private void pass(long millis, long memoryBytes) {
        Instant at = start.plusMillis(millis);
        events.publishEvent(new ContainersSampled(at, List.of(new ContainerSample(containerId, ContainerKind.APP,
                projectId, UUID.randomUUID(), 0, null, owner, "running", start, at, 3.0, 1.5, memoryBytes, 32 * MB,
                0, 0, 0, 0, 0))));
    }

    private List<JsonNode> alerts(String state) {
        List<JsonNode> alerts = new ArrayList<>();
        json(get("/api/v1/alerts?state=" + state, owner)).forEach(alerts::add);
        return alerts;
    }
}
