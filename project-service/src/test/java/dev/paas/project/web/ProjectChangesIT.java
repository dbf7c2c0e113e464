package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live stream {@code GET /api/v1/projects/changes}, over a real connection: a project's creation, its
 * deployment's progress, runtime-service's report and its deletion arrive as server-sent events, through
 * PostgreSQL's notifications, and only to the project's owner.
 */
class ProjectChangesIT extends ProjectServiceIntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(15);
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<CompletableFuture<?>> open = new ArrayList<>();

    /** One server-sent event as read off the wire. */
    record Event(String name, String data) {
    }

    @AfterEach
    void closeStreams() {
        open.forEach(stream -> stream.cancel(true));
        client.shutdownNow();
    }

    @Test
    void tellsTheOwnerOfEveryChangeOfItsProjectsAndNobodyElse() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        List<Event> owners = stream(owner);
        List<Event> strangers = stream(stranger);

        JsonNode project = createProject(owner, "{\"name\":\"live\",\"repoUrl\":\"https://github.com/acme/live.git\"}");
        String projectId = project.get("id").asString();
        await().atMost(SOON).until(() -> has(owners, "project", projectId));

        JsonNode deployment = json(post("/api/v1/projects/" + projectId + "/deployments", null, owner));
        String deploymentId = deployment.get("id").asString();
        await().atMost(SOON).until(() -> owners.stream().anyMatch(event -> event.name().equals("deployment")
                && JSON.readTree(event.data()).get("id").asString().equals(deploymentId)
                && JSON.readTree(event.data()).get("status").asString().equals("QUEUED")));

        bus.publish(new BuildStarted(UUID.fromString(deploymentId), UUID.fromString(projectId), owner));
        await().atMost(SOON).until(() -> owners.stream().anyMatch(event -> event.name().equals("deployment")
                && JSON.readTree(event.data()).get("status").asString().equals("BUILDING")));

        bus.publish(new AppStateChanged(UUID.fromString(projectId), owner, "STOPPED", 0, "stopped by its owner",
                owner));
        await().atMost(SOON).until(() -> owners.stream().anyMatch(event -> event.name().equals("project")
                && JSON.readTree(event.data()).get("status").asString().equals("STOPPED")));

        assertThat(send("DELETE", "/api/v1/projects/" + projectId, null, tokens.user(owner)).statusCode())
                .isEqualTo(204);
        await().atMost(SOON).until(() -> has(owners, "project-deleted", projectId));

        assertThat(strangers).as("another user hears nothing of it").noneMatch(event -> event.data()
                .contains(projectId));
    }

    @Test
    void refusesAStreamWithoutAToken() throws Exception {
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/projects/changes")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    private static boolean has(List<Event> events, String name, String projectId) {
        return events.stream().anyMatch(event -> event.name().equals(name)
                && JSON.readTree(event.data()).get("id").asString().equals(projectId));
    }

    /** Opens the user's stream and collects its events as they come, until the test ends. */
    private List<Event> stream(UUID user) {
        List<Event> events = new CopyOnWriteArrayList<>();
        List<String> comments = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/projects/changes"))
                .header("Authorization", "Bearer " + tokens.user(user))
                .header("Accept", "text/event-stream").GET().build();
        String[] name = {"message"};
        StringBuilder data = new StringBuilder();
        open.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            response.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name[0], data.toString()));
                    }
                    name[0] = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                } else if (line.startsWith(":")) {
                    comments.add(line);
                }
            });
        }));
        await().atMost(SOON).until(() -> !comments.isEmpty());
        return events;
    }
}
