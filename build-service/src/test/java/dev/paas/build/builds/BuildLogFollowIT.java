package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Following a build log over HTTP with a real server-sent-events client, against the real PostgreSQL: lines arrive
 * while they are written, a client that reconnects with {@code Last-Event-ID} gets exactly the rest, and the stream
 * ends with the build. The log is written the way the runner writes it ({@link BuildLogWriter}); API only
 * ({@code paas.build.worker.enabled=false}), so no Docker engine is needed.
 */
@ServiceComponentTest(database = "paas_build_test_logs", properties = {
    "paas.build.worker.enabled=false",
    "paas.build.logs.max-bytes=64KB",
    "paas.build.logs.poll-interval=300ms",
    "paas.build.logs.heartbeat=1s"
})
class BuildLogFollowIT {

    private static EventBus bus;
    private static TestTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();
    private final UUID owner = UUID.randomUUID();
    private final UUID deploymentId = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BuildLogs logs;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
    }

    @BeforeEach
    void ownerRequestsADeployment() throws Exception {
        bus.publish(new DeploymentRequested(deploymentId, UUID.randomUUID(), "followed",
                "https://github.com/acme/followed.git", "main", owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> ServiceCalls.on(port)
                .get("/api/v1/builds/" + deploymentId, tokens.user(owner)).statusCode() == 200);
        jdbc.update("update builds set status = 'RUNNING', attempts = 1, started_at = now() where id = ?",
                deploymentId);
    }

    @Test
    void followsTheLogLiveAndResumesAfterTheLastEventIdWithExactlyTheRest() throws Exception {
        BuildLogWriter writer = logs.writer(deploymentId);
        writer.phase(BuildPhase.CLONE, "==> Build " + deploymentId + " of followed");
        for (int i = 1; i <= 30; i++) {
            writer.accept("line " + i);
        }

        List<Event> first = new ArrayList<>();
        try (Stream stream = follow(null)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            first.addAll(stream.readUntil(event -> event.data.contains("\"text\":\"line 20\"")));
        }
        for (int i = 31; i <= 60; i++) {
            writer.accept("line " + i);
        }
        writer.phase(BuildPhase.DETECT, "==> Detecting the stack");

        List<Event> rest = new ArrayList<>();
        try (Stream stream = follow(first.getLast().id)) {
            rest.addAll(stream.readUntil(event -> event.data.contains("Detecting the stack")));
            // Written while the client is connected: pushed by this instance's writer...
            for (int i = 61; i <= 70; i++) {
                writer.accept("line " + i);
            }
            rest.addAll(stream.readUntil(event -> event.data.contains("\"text\":\"line 70\"")));
            // ...or by a build-service instance elsewhere, found by polling.
            jdbc.update("insert into build_log_lines (build_id, line, phase, marker) values (?, 'line 71', 'detect',"
                    + " false)", deploymentId);
            rest.addAll(stream.readUntil(event -> event.data.contains("\"text\":\"line 71\"")));
            writer.note("==> Build failed: no supported stack detected");
            jdbc.update("update builds set status = 'FAILED', error = 'no supported stack detected',"
                    + " finished_at = now() where id = ?", deploymentId);
            rest.addAll(stream.readUntil(event -> event.name.equals("end")));
            assertThat(stream.readLine()).as("the stream closes after the end event").isNull();
        }

        List<String> stored = jdbc.queryForList("select id from build_log_lines where build_id = ? order by id",
                String.class, deploymentId);
        List<Event> lines = new ArrayList<>(first);
        lines.addAll(rest.subList(0, rest.size() - 1));
        assertThat(lines).extracting(event -> event.id).containsExactlyElementsOf(stored);
        assertThat(first.getFirst().name).isEqualTo("phase");
        assertThat(first.getFirst().data).contains("\"phase\":\"clone\"", "\"at\":\"20");
        assertThat(first.get(1).name).isEqualTo("line");
        assertThat(rest).filteredOn(event -> event.name.equals("phase")).singleElement()
                .satisfies(event -> assertThat(event.data).contains("\"phase\":\"detect\""));
        assertThat(rest.getLast().data).contains("\"outcome\":\"failed\"", "no supported stack detected");
    }

    @Test
    void resumesWithTheAfterParameterAndEndsAtOnceForAFinishedBuild() throws Exception {
        BuildLogWriter writer = logs.writer(deploymentId);
        for (int i = 1; i <= 5; i++) {
            writer.accept("line " + i);
        }
        writer.phase(BuildPhase.DEPLOY, "==> Handing over");
        jdbc.update("update builds set status = 'SUCCEEDED', finished_at = now() where id = ?", deploymentId);
        String third = jdbc.queryForObject("select id from build_log_lines where build_id = ? and line = 'line 3'",
                String.class, deploymentId);

        try (Stream stream = follow(null, "?follow=true&after=" + third)) {
            List<Event> events = stream.readUntil(event -> event.name.equals("end"));

            assertThat(events).extracting(event -> event.data.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"))
                    .containsExactly("line 4", "line 5", "==> Handing over", "build succeeded");
        }
    }

    @Test
    void answersAStrangersFollowWithNotFoundBeforeStreaming() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("?follow=true"))
                .header("Authorization", TestTokens.bearer(tokens.user(UUID.randomUUID())))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("build " + deploymentId + " not found");
    }

    @Test
    void keepsABuildThatPrintsWithoutEndUnderTheCap() {
        long cap = 64 * 1024;
        BuildLogWriter writer = logs.writer(deploymentId);
        writer.phase(BuildPhase.BUILD, "==> Building image");
        String spam = "y".repeat(200);
        for (int i = 0; i < 50_000; i++) {
            writer.accept(spam + " " + i);
        }
        writer.note("==> Build failed: image build failed: timed out after 15 minutes");

        Long stored = jdbc.queryForObject("select sum(octet_length(line)) from build_log_lines where build_id = ?",
                Long.class, deploymentId);
        assertThat(stored).isLessThanOrEqualTo(cap);
        String log = ServiceCalls.on(port).get("/api/v1/deployments/" + deploymentId + "/build-log",
                tokens.user(owner)).body();
        assertThat(log).contains("[build] [log truncated at 64 KB: later output of this build is not kept; the"
                + " build continues]").endsWith("[build] ==> Build failed: image build failed: timed out after 15"
                + " minutes\n");

        logs.writer(deploymentId).accept("a resumed attempt prints more");
        assertThat(jdbc.queryForObject("select sum(octet_length(line)) from build_log_lines where build_id = ?",
                Long.class, deploymentId)).isEqualTo(stored);
    }

    private Stream follow(String lastEventId) throws IOException, InterruptedException {
        return follow(lastEventId, "?follow=true");
    }

    private Stream follow(String lastEventId, String query) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(query))
                .header("Authorization", TestTokens.bearer(tokens.user(owner)))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new Stream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private URI uri(String query) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/deployments/" + deploymentId + "/build-log" + query);
    }

    /** One server-sent event: its id (of the last line for events without one), name and data. */
    record Event(String id, String name, String data) {
    }

    /** A minimal SSE client over the response body; closing it disconnects. */
    static final class Stream implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final BufferedReader reader;
        private String lastId;

        Stream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        /** Reads events (skipping comments) up to and including the first that matches. */
        List<Event> readUntil(Predicate<Event> last) throws IOException {
            List<Event> events = new ArrayList<>();
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        Event event = new Event(lastId, name, data.toString());
                        events.add(event);
                        if (last.test(event)) {
                            return events;
                        }
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    lastId = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            throw new IllegalStateException("the stream ended before the expected event; got " + events);
        }

        String readLine() throws IOException {
            return reader.readLine();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
