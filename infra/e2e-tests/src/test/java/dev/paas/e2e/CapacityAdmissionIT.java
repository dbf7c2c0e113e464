package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Admission control on the running platform, with the threshold set low on purpose rather than by exhausting the
 * machine: at 1 % the host admits no new deployments, so a deployment waits QUEUED and says why; at 100 % it starts
 * by itself and goes live. The threshold is put back afterwards, whatever happened, to what it was (85 % on a
 * platform nobody changed).
 */
class CapacityAdmissionIT {

    private static final Platform admin = Platform.admin();
    private static final Platform user = Platform.signedUp("capacity");
    private static final double found = Platform.json(admin.get("/api/v1/admin/capacity"))
            .get("thresholdPercent").asDouble();

    @AfterAll
    static void restoreTheThreshold() {
        assertThat(threshold(found).statusCode()).isEqualTo(200);
    }

    @Test
    void holdsANewDeploymentWhileTheHostIsOverTheThresholdAndStartsItWhenCapacityReturns() throws Exception {
        assertThat(user.get("/api/v1/admin/capacity").statusCode()).isEqualTo(403);
        HttpResponse<String> closed = threshold(1);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode full = Platform.json(closed);
        assertThat(full.get("admitting").asBoolean()).isFalse();
        String reason = "waiting for capacity: " + full.get("reason").asString();
        assertThat(reason).matches("waiting for capacity: (cpu|memory|disk) \\d+ % of host");

        Path repo = SampleRepositories.create("static-site", "main");
        JsonNode project = user.createProject("Held By Capacity", SampleRepositories.url(repo), "main");
        // The flip was published (outbox relay, woken on commit) before the project exists; the deployment request
        // takes the same road later, so build-service knows the host is full before it can claim the build.
        String deploymentId = user.deploy(project.get("id").asString()).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> user.deployment(deploymentId).path("waitingFor")
                .asString(""), waiting -> waiting.startsWith("waiting for capacity: "));

        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).until(() ->
                user.deployment(deploymentId).get("status").asString(), "QUEUED"::equals);
        JsonNode capacity = Platform.json(admin.get("/api/v1/admin/capacity"));
        assertThat(capacity.get("admitting").asBoolean()).isFalse();
        assertThat(capacity.get("memoryTotalBytes").asLong()).isPositive();
        List<String> queued = capacity.get("queuedDeployments").findValuesAsString("deploymentId");
        assertThat(queued).contains(deploymentId);

        HttpResponse<String> opened = threshold(100);
        assertThat(Platform.json(opened).get("admitting").asBoolean()).isTrue();
        List<String> statuses = user.awaitSettled(deploymentId);

        JsonNode deployment = user.deployment(deploymentId);
        assertThat(deployment.get("status").asString()).as("error: %s, statuses %s", deployment.get("error"),
                statuses).isEqualTo("RUNNING");
        assertThat(deployment.get("waitingFor").isNull()).isTrue();
        assertThat(user.app(project.get("slug").asString(), "/").body()).contains("hello from static");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Platform.json(admin.get("/api/v1/admin/capacity"))
                .get("queuedDeployments").findValuesAsString("deploymentId").contains(deploymentId));
    }

    private static HttpResponse<String> threshold(double percent) {
        return admin.send("PUT", "/api/v1/admin/capacity/threshold", Map.of("Content-Type", "application/json"),
                Platform.JSON.writeValueAsString(Map.of("percent", percent)));
    }
}
