package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerRestarted;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.contracts.runtime.EnvironmentChanged;
import dev.paas.messaging.EventEnvelope;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What runtime-service reports about a project's app (the golden runtime events, about a project of the test's own):
 * the status and instances the API shows, and the project's history, newest first, each fact recorded once.
 */
class ProjectRuntimeIT extends ProjectServiceIntegrationTest {

    private final UUID owner = UUID.randomUUID();

    @Test
    void theStatusFollowsStopsScalingSuspensionsCrashLoopsAndANewDeploymentGoingLiveNotSettingsChanges() throws Exception {
        JsonNode project = createProject(owner, "{\"name\":\"lively\",\"repoUrl\":\"https://github.com/acme/l.git\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());
        String slug = project.get("slug").asString();
        UUID first = deployLive(projectId, slug);
        assertStatus(projectId, "RUNNING", 1);

        AppStateChanged stopped = GoldenEvents.sample(AppStateChanged.class);
        bus.publish(new AppStateChanged(projectId, owner, stopped.state(), stopped.instances(), stopped.reason(),
                owner));
        awaitStatus(projectId, "STOPPED", 0);
        assertThat(patch("/api/v1/projects/" + projectId, "{\"autoDeploy\":true}", owner).statusCode()).isEqualTo(200);
        assertStatus(projectId, "STOPPED", 0);

        bus.publish(new AppStateChanged(projectId, owner, "RUNNING", 3, "scaled to 3", owner));
        awaitStatus(projectId, "RUNNING", 3);

        bus.publish(new AppStateChanged(projectId, owner, "SUSPENDED", 0, "suspended: the plan's limit", null));
        awaitStatus(projectId, "SUSPENDED", 0);

        bus.publish(new AppStateChanged(projectId, owner, "RUNNING", 3, "resumed", null));
        awaitStatus(projectId, "RUNNING", 3);

        CrashLoopDetected crashLoop = GoldenEvents.sample(CrashLoopDetected.class);
        bus.publish(new CrashLoopDetected(projectId, first, owner, crashLoop.restarts(), crashLoop.windowSeconds(),
                crashLoop.exitCodes(), crashLoop.lastLogLines()));
        awaitStatus(projectId, "CRASH_LOOP", 0);

        UUID fix = UUID.fromString(json(post("/api/v1/projects/" + projectId + "/deployments", null, owner))
                .get("id").asString());
        assertStatus(projectId, "QUEUED", 3);
        goLive(projectId, slug, fix);
        awaitStatus(projectId, "RUNNING", 3);
        assertThat(json(send("GET", "/api/v1/admin/projects", null, tokens.admin(UUID.randomUUID()))).findValues("id")
                .stream().map(JsonNode::asString).toList()).contains(projectId.toString());
    }

    @Test
    void recordsTheRuntimesFactsOnceInTheHistoryAndPagesItNewestFirst() throws Exception {
        JsonNode project = createProject(owner, "{\"name\":\"chronicle\",\"repoUrl\":\"https://github.com/acme/c.git\"}");
        UUID projectId = UUID.fromString(project.get("id").asString());
        UUID deployment = deployLive(projectId, project.get("slug").asString());
        ContainerRestarted restart = GoldenEvents.sample(ContainerRestarted.class);
        CrashLoopDetected crashLoop = GoldenEvents.sample(CrashLoopDetected.class);
        EnvironmentChanged environment = GoldenEvents.sample(EnvironmentChanged.class);
        String domain = GoldenEvents.sample(DomainAdded.class).domain();

        EventEnvelope restarted = bus.publish(new ContainerRestarted(projectId, deployment, owner, restart.containerId(),
                restart.instance(), restart.reason(), restart.exitCode(), restart.restartCount(),
                restart.delayMillis()));
        bus.publish(new CrashLoopDetected(projectId, deployment, owner, crashLoop.restarts(),
                crashLoop.windowSeconds(), crashLoop.exitCodes(), crashLoop.lastLogLines()));
        bus.publish(new AppStateChanged(projectId, owner, "RUNNING", 2, "started by its owner", owner));
        bus.publish(new EnvironmentChanged(projectId, owner, owner, environment.action(), environment.keys()));
        bus.publish(new DomainAdded(projectId, owner, owner, domain));
        bus.publish(new ContainerRestarted(UUID.randomUUID(), deployment, owner, "c", 0, "exited with code 1", 1L, 1,
                1_000L));
        bus.republish(restarted);
        bus.publish(new DomainRemoved(projectId, owner, null, domain));

        String events = "/api/v1/projects/" + projectId + "/events";
        JsonNode history = await().atMost(Duration.ofSeconds(20)).until(() -> json(get(events, owner)),
                page -> page.size() == 9);
        assertThat(history.findValuesAsString("type")).containsExactly("DOMAIN_REMOVED", "DOMAIN_ADDED",
                "ENVIRONMENT_CHANGED", "APP_STATE_CHANGED", "CRASH_LOOP_DETECTED", "CONTAINER_RESTARTED",
                "DEPLOYMENT_LIVE", "IMAGE_BUILT", "DEPLOYMENT_REQUESTED");
        JsonNode restartEntry = history.get(5);
        assertThat(restartEntry.get("deploymentId").asString()).isEqualTo(deployment.toString());
        assertThat(restartEntry.get("details").get("reason").asString()).isEqualTo("exited with code 1");
        assertThat(restartEntry.get("details").get("exitCode").asLong()).isEqualTo(1L);
        assertThat(restartEntry.get("details").get("restartCount").asInt()).isEqualTo(2);
        assertThat(restartEntry.get("details").get("delayMillis").asLong()).isEqualTo(2_000L);
        JsonNode crashEntry = history.get(4).get("details");
        assertThat(crashEntry.get("exitCodes").size()).isEqualTo(5);
        assertThat(crashEntry.get("lastLogLines").get(0).asString()).isEqualTo("Error: Cannot find module 'express'");
        JsonNode stateEntry = history.get(3);
        assertThat(stateEntry.get("actorId").asString()).isEqualTo(owner.toString());
        assertThat(stateEntry.get("details").get("state").asString()).isEqualTo("RUNNING");
        assertThat(stateEntry.get("details").get("instances").asInt()).isEqualTo(2);
        assertThat(stateEntry.get("details").get("reason").asString()).isEqualTo("started by its owner");
        JsonNode environmentEntry = history.get(2);
        assertThat(environmentEntry.get("details").propertyNames()).containsExactlyInAnyOrder("action", "keys");
        assertThat(environmentEntry.get("summary").asString()).isEqualTo("environment SET: API_KEY, DATABASE_URL");
        assertThat(history.get(0).get("actorId").isNull()).isTrue();
        assertThat(history.get(8).get("details").get("trigger").asString()).isEqualTo("manual");

        JsonNode firstPage = json(get(events + "?limit=2", owner));
        assertThat(firstPage.findValuesAsString("type")).containsExactly("DOMAIN_REMOVED", "DOMAIN_ADDED");
        JsonNode secondPage = json(get(events + "?limit=2&before=" + firstPage.get(1).get("id").asString(), owner));
        assertThat(secondPage.findValuesAsString("type")).containsExactly("ENVIRONMENT_CHANGED", "APP_STATE_CHANGED");
        JsonNode beforeInstant = json(get(events + "?before=" + history.get(6).get("at").asString(), owner));
        assertThat(beforeInstant.findValuesAsString("type")).containsExactly("IMAGE_BUILT", "DEPLOYMENT_REQUESTED");

        assertThat(get(events, UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/projects/" + UUID.randomUUID() + "/events", owner).statusCode()).isEqualTo(404);
        for (String bad : List.of("?limit=0", "?limit=201", "?before=yesterday", "?before=" + UUID.randomUUID())) {
            HttpResponse<String> refused = get(events + bad, owner);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(refused).get("detail").asString()).as(bad).containsAnyOf("limit", "before");
        }
    }

    private UUID deployLive(UUID projectId, String slug) throws Exception {
        UUID id = UUID.fromString(json(post("/api/v1/projects/" + projectId + "/deployments", null, owner))
                .get("id").asString());
        goLive(projectId, slug, id);
        return id;
    }

    private void goLive(UUID projectId, String slug, UUID deploymentId) throws Exception {
        bus.publish(new ImageBuilt(deploymentId, projectId, slug, "paas-app/" + slug + ":" + deploymentId, "node",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", 3000, owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get("/api/v1/deployments/" + deploymentId, owner))
                .get("status").asString().equals("DEPLOYING"));
        bus.publish(new ContainerHealthy(deploymentId, projectId, "c-" + deploymentId,
                "http://" + slug + ".paas.localhost"));
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get("/api/v1/deployments/" + deploymentId, owner))
                .get("status").asString().equals("RUNNING"));
    }

    private void awaitStatus(UUID projectId, String status, int instances) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertStatus(projectId, status, instances));
    }

    private void assertStatus(UUID projectId, String status, int instances) throws Exception {
        JsonNode shown = json(get("/api/v1/projects/" + projectId, owner));
        assertThat(shown.get("status").asString()).isEqualTo(status);
        assertThat(shown.get("instances").asInt()).isEqualTo(instances);
    }
}
