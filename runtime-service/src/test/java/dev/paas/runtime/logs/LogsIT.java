package dev.paas.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.paas.docker.DockerCalls;
import dev.paas.runtime.projects.ProjectRemoved;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestShellImage;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * App logs end to end: a container labelled like an app container prints lines, the collector stores them, the API
 * returns and filters them, a followed log streams a new line, and restarting the collector stores nothing twice.
 */
class LogsIT extends RuntimeIntegrationSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DockerClient docker;

    private final HttpClient http = HttpClient.newHttpClient();
    private final UUID owner = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private String containerId;

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LogCollector collector;

    @Autowired
    LogRetention retention;

    @Autowired
    StoredLogs stored;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DockerClient dockerClient;

    @Autowired
    DockerCalls dockerCalls;

    @Autowired
    LogCursors cursors;

    @Autowired
    LogProperties properties;

    @Autowired
    Clock clock;

    @BeforeAll
    static void buildImage() {
        docker = TestDocker.client();
        TestShellImage.ensureBuilt(docker);
    }

    @BeforeEach
    void ownersProjectPrintsLines() {
        jdbc.update("""
                insert into releases (deployment_id, project_id, owner_id, slug, image_tag, port, status, error,
                                      attempts, created_at, updated_at, version)
                values (?, ?, ?, 'logs', 'paas-test/none:1', 3000, 'FAILED', 'not started', 0, now(), now(), 1)""",
                UUID.randomUUID(), projectId, owner);
        containerId = docker.createContainerCmd(TestShellImage.SHELL)
                .withName("paas-app-logs-" + projectId.toString().substring(0, 8))
                .withLabels(Map.of("paas.managed", "true", "paas.project", projectId.toString(),
                        "paas.deployment", UUID.randomUUID().toString(), "paas.instance", "1"))
                .withCmd("bash", "-c", """
                        echo 'INFO starting up'
                        echo '{"level":50,"msg":"boom"}'
                        echo '[WARN] disk almost full' >&2
                        echo 'plain stderr line' >&2
                        echo 'DEBUG details'
                        exec sleep 3600""")
                .withStopTimeout(1)
                .exec()
                .getId();
        docker.startContainerCmd(containerId).exec();
    }

    @AfterEach
    void removeContainer() {
        TestDocker.removeProjectContainers(projectId.toString());
    }

    @Test
    void storesTheLinesOfAppContainersWithTheirLevels() throws Exception {
        List<JsonNode> lines = awaitLines("", 5);

        assertThat(lines).extracting(line -> line.get("line").asString() + "|" + line.get("level").asString() + "|"
                + line.get("stream").asString()).containsExactlyInAnyOrder(
                        "INFO starting up|info|stdout",
                        "{\"level\":50,\"msg\":\"boom\"}|error|stdout",
                        "[WARN] disk almost full|warn|stderr",
                        "plain stderr line|info|stderr",
                        "DEBUG details|debug|stdout");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("instance").asInt()).isEqualTo(1);
            assertThat(line.get("containerId").asString()).isEqualTo(containerId);
        });
        List<Instant> times = lines.stream().map(line -> Instant.parse(line.get("ts").asString())).toList();
        assertThat(times).as("oldest first").isSorted();
    }

    @Test
    void filtersByLevelInstanceTimeAndLimit() throws Exception {
        List<JsonNode> all = awaitLines("", 5);

        assertThat(texts(get("?level=warn", owner))).containsExactlyInAnyOrder("[WARN] disk almost full",
                "{\"level\":50,\"msg\":\"boom\"}");
        assertThat(texts(get("?level=error", owner))).containsExactly("{\"level\":50,\"msg\":\"boom\"}");
        assertThat(texts(get("?instance=0", owner))).isEmpty();
        assertThat(texts(get("?instance=1&limit=2", owner))).containsExactly(all.get(3).get("line").asString(),
                all.get(4).get("line").asString());
        assertThat(texts(get("?since=1h", owner))).hasSize(5);
        assertThat(texts(get("?since=" + Instant.now().plusSeconds(60), owner))).isEmpty();
        assertThat(texts(get("?until=2020-01-01T00:00:00Z", owner))).isEmpty();
    }

    @Test
    void answersBadParametersWith400AndForeignProjectsLikeUnknownOnes() throws Exception {
        awaitLines("", 5);

        HttpResponse<String> badLevel = get("?level=loud", owner);
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(badLevel.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(badLevel.body()).contains("level must be one of trace, debug, info, warn, error, fatal");
        assertThat(get("?limit=9999", owner).statusCode()).isEqualTo(400);
        assertThat(get("?since=yesterday", owner).statusCode()).isEqualTo(400);

        UUID stranger = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> foreign = send("/api/v1/projects/" + projectId + "/logs", stranger, null);
        HttpResponse<String> missing = send("/api/v1/projects/" + unknown + "/logs", stranger, null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replace(projectId.toString(), "ID"))
                .isEqualTo(missing.body().replace(unknown.toString(), "ID"));
        assertThat(send("/api/v1/projects/" + projectId + "/logs?follow=true", stranger, null).statusCode())
                .isEqualTo(404);
        assertThat(send("/api/v1/projects/" + projectId + "/logs", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void followStreamsRecentLinesThenNewOnesAndResumesAfterTheLastEventId() throws Exception {
        awaitLines("", 5);
        List<String> received = new CopyOnWriteArrayList<>();
        try (Stream<String> events = stream("?follow=true", null)) {
            Thread.ofVirtual().start(() -> readUntilClosed(events, received));
            await().atMost(Duration.ofSeconds(20)).until(() -> dataLines(received).size() == 5);

            print("ERROR follow me");

            await().atMost(Duration.ofSeconds(20)).until(() -> dataLines(received).size() == 6);
            assertThat(dataLines(received).getLast()).contains("\"line\":\"ERROR follow me\"")
                    .contains("\"level\":\"error\"");
        }
        List<String> ids = received.stream().filter(line -> line.startsWith("id:"))
                .map(line -> line.substring(3).strip()).toList();
        assertThat(ids).hasSize(6);

        List<String> resumed = new CopyOnWriteArrayList<>();
        try (Stream<String> events = stream("", ids.get(3))) {
            Thread.ofVirtual().start(() -> readUntilClosed(events, resumed));
            await().atMost(Duration.ofSeconds(20)).until(() -> dataLines(resumed).size() == 2);
            assertThat(resumed.stream().filter(line -> line.startsWith("id:")).map(line -> line.substring(3).strip()))
                    .containsExactly(ids.get(4), ids.get(5));
        }
    }

    @Test
    void storesNothingTwiceWhenTheCollectorRestarts() throws Exception {
        awaitLines("", 5);

        collector.stop();
        collector.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> collector.followed().contains(containerId));
        print("after the restart");

        List<JsonNode> lines = awaitLines("", 6);
        assertThat(lines).extracting(line -> line.get("line").asString()).doesNotHaveDuplicates()
                .contains("after the restart");
        // a late duplicate would arrive within a flush interval or two
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> texts(get("", owner)).size() == 6);
    }

    @Test
    void oneReplicaCollectsAContainerAndAnotherTakesOverWithoutDuplicates() throws Exception {
        awaitLines("", 5);
        LogCollector replica = new LogCollector(dockerClient, dockerCalls, cursors, stored, transactions, properties,
                clock);
        replica.start();
        try {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> !replica.followed().contains(containerId));

            collector.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> replica.followed().contains(containerId));
            print("taken over");

            List<JsonNode> lines = awaitLines("", 6);
            assertThat(lines).extracting(line -> line.get("line").asString()).doesNotHaveDuplicates()
                    .contains("taken over");
        } finally {
            replica.stop();
            collector.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> collector.followed().contains(containerId));
        print("back again");
        assertThat(awaitLines("", 7)).extracting(line -> line.get("line").asString()).doesNotHaveDuplicates();
    }

    @Test
    void trimsLinesPastTheRetentionAndForgetsRemovedProjects() {
        UUID other = UUID.randomUUID();
        transactions.executeWithoutResult(status -> stored.insert(List.of(
                new StoredLogs.NewLine(other, "c1", 0, Instant.now().minus(Duration.ofDays(8)), "stdout",
                        LogLevel.INFO, "too old"),
                new StoredLogs.NewLine(other, "c1", 0, Instant.now(), "stdout", LogLevel.INFO, "recent"))));

        retention.trim();

        assertThat(stored.newest(other, LogQuery.recent())).extracting(RuntimeLogLine::line)
                .containsExactly("recent");

        transactions.executeWithoutResult(status -> events.publishEvent(new ProjectRemoved(other, "x", null)));

        assertThat(stored.newest(other, LogQuery.recent())).isEmpty();
    }

    private void print(String line) {
        assertThat(TestShellImage.exec(docker, containerId, "bash", "-c", "echo '" + line + "' > /proc/1/fd/1"))
                .isZero();
    }

    private List<JsonNode> awaitLines(String query, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> lines(get(query, owner)), lines -> lines.size() >= count);
    }

    private static List<JsonNode> lines(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("lines").valueStream().toList();
    }

    private static List<String> texts(HttpResponse<String> response) {
        return lines(response).stream().map(line -> line.get("line").asString()).toList();
    }

    private static void readUntilClosed(Stream<String> events, List<String> into) {
        try {
            events.forEach(into::add);
        } catch (java.io.UncheckedIOException closedByTheTest) {
            // the test closed the stream when it had seen enough
        }
    }

    private static List<String> dataLines(List<String> events) {
        return events.stream().filter(line -> line.startsWith("data:")).toList();
    }

    private HttpResponse<String> get(String query, UUID user) throws Exception {
        return send("/api/v1/projects/" + projectId + "/logs" + query, user, null);
    }

    private HttpResponse<String> send(String path, UUID user, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (user != null) {
            request.header("Authorization", TestTokens.bearer(TestTokens.shared().user(user)));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A followed log: {@code follow=true} in the query, or else {@code Accept: text/event-stream}. */
    private Stream<String> stream(String query, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/projects/" + projectId + "/logs" + query))
                .header("Authorization", TestTokens.bearer(TestTokens.shared().user(owner)))
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return response.body();
    }
}
