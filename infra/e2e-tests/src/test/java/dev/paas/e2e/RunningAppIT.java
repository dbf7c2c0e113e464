package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Operating a deployed app through the gateway, against the running platform: an environment variable and a rolling
 * restart, scaling out (refused beyond the free plan, allowed on a roomier one), runtime logs, stop and start, the
 * project's history, and deleting the project everywhere.
 */
class RunningAppIT {

    private static final Duration SOON = Duration.ofSeconds(90);
    private static final Platform platform = Platform.signedUp("operator");

    @Test
    void setsVariablesRestartsScalesStopsStartsAndDeletesAnApp() throws Exception {
        Path repo = SampleRepositories.create("node-hello", "main");
        JsonNode project = platform.createProject("Operated", SampleRepositories.url(repo), "main");
        String id = project.get("id").asString();
        String slug = project.get("slug").asString();
        String deployment = platform.deploy(id).get("id").asString();
        platform.awaitSettled(deployment);
        assertThat(platform.deployment(deployment).get("status").asString()).isEqualTo("RUNNING");

        HttpResponse<String> set = platform.send("PUT", "/api/v1/projects/" + id + "/env/GREETING",
                Map.of("Content-Type", "application/json"), "{\"value\":\"from the environment\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(platform.get("/api/v1/projects/" + id + "/env").body()).contains("GREETING")
                .doesNotContain("from the environment");

        assertThat(platform.post("/api/v1/projects/" + id + "/restart", "").statusCode()).isEqualTo(202);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> platform.app(slug, "/").body().contains("hello from node from the environment"));

        // the default free plan runs one instance per app; a roomier plan's limits apply at once
        HttpResponse<String> overPlan = platform.post("/api/v1/projects/" + id + "/scale", "{\"instances\":2}");
        assertThat(overPlan.statusCode()).as(overPlan.body()).isEqualTo(403);
        assertThat(platform.json(overPlan).path("title").asString()).isEqualTo("Quota exceeded");
        assertThat(platform.json(overPlan).path("plan").asString()).isEqualTo("free");
        assertThat(platform.json(overPlan).path("limit").asString()).isEqualTo("maxInstances");
        platform.choosePlan(Platform.roomyPlanId());
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> platform.post("/api/v1/projects/"
                + id + "/scale", "{\"instances\":2}").statusCode() == 202);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> serving(id) == 2);

        await().atMost(SOON).pollInterval(Duration.ofMillis(500)).until(() -> platform.get("/api/v1/projects/" + id
                + "/logs").body().contains("node-hello listening on port"));

        assertThat(platform.post("/api/v1/projects/" + id + "/stop", "").statusCode()).isEqualTo(202);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> runtime(id).get("state").asString(),
                "STOPPED"::equals);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> platform.json(platform.get(
                "/api/v1/projects/" + id)).get("status").asString(), "STOPPED"::equals);
        assertThat(platform.app(slug, "/").statusCode()).as("a stopped app is not served").isGreaterThanOrEqualTo(500);

        assertThat(platform.post("/api/v1/projects/" + id + "/start", "").statusCode()).isEqualTo(202);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> platform.app(slug, "/").statusCode() == 200);

        await().atMost(SOON).pollInterval(Duration.ofMillis(500)).until(() -> types(id).containsAll(
                List.of("ENVIRONMENT_CHANGED", "APP_STATE_CHANGED", "DEPLOYMENT_LIVE")));

        assertThat(platform.delete("/api/v1/projects/" + id).statusCode()).isEqualTo(204);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> platform.app(slug, "/").statusCode() == 404);
        assertThat(platform.get("/api/v1/projects/" + id).statusCode()).isEqualTo(404);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get("/api/v1/projects/" + id + "/runtime").statusCode() == 404);
    }

    private static JsonNode runtime(String id) {
        return platform.json(platform.get("/api/v1/projects/" + id + "/runtime"));
    }

    private static long serving(String id) {
        long count = 0;
        for (JsonNode replica : runtime(id).get("replicas")) {
            if ("SERVING".equals(replica.get("status").asString())) {
                count++;
            }
        }
        return count;
    }

    private static List<String> types(String id) {
        List<String> types = new ArrayList<>();
        JsonNode events = platform.json(platform.get("/api/v1/projects/" + id + "/events?limit=200"));
        JsonNode list = events.isArray() ? events : events.path("events");
        list.forEach(event -> types.add(event.get("type").asString()));
        return types;
    }
}
