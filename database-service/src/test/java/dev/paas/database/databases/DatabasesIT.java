package dev.paas.database.databases;

import static dev.paas.database.databases.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.database.projects.KnownProjects;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.sealing.SealedBox;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import io.nats.client.Dispatcher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managed databases end to end against the real engines (Docker), PostgreSQL and JetStream: provisioning with
 * working credentials, ownership, quotas, deletion, links and their events, and the supervisor's restarts.
 */
@ServiceComponentTest(database = "paas_database_test")
class DatabasesIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();
    private static final List<EventEnvelope> EVENTS = new CopyOnWriteArrayList<>();
    private static EventBus bus;
    private static TestTokens tokens;
    private static Dispatcher dispatcher;

    @LocalServerPort
    int port;

    @Autowired
    KnownProjects projects;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${paas.databases.link-key}")
    String linkKey;

    private final List<UUID> owners = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
        dispatcher = bus.client().createDispatcher(message -> EVENTS.add(CODEC.fromBytes(message.getData())));
        dispatcher.subscribe("paas.database.>");
    }

    @AfterAll
    static void unsubscribe() {
        bus.client().closeDispatcher(dispatcher);
    }

    /** Deletes the test's databases through the service (so no supervisor brings them back), then anything left. */
    @AfterEach
    void removeContainers() {
        for (UUID owner : owners) {
            deleteAll(port, owner);
            DockerCli.removeEverythingOf(owner, "paas-user-" + owner.toString().replace("-", "").substring(0, 12));
        }
    }

    static void deleteAll(int port, UUID owner) {
        ServiceCalls calls = ServiceCalls.on(port);
        String token = TestTokens.shared().user(owner);
        for (JsonNode db : json(calls.get("/api/v1/databases", token))) {
            calls.send("DELETE", "/api/v1/databases/" + db.get("id").asString() + "?confirm="
                    + db.get("name").asString(), null, token);
        }
    }

    @Test
    void provisionsPostgresqlWhoseCredentialsWork() {
        UUID owner = owner();
        HttpResponse<String> created = call("POST", "/api/v1/databases", "{\"type\":\"postgresql\",\"name\":\"shop\"}",
                owner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode view = json(created);
        assertThat(view.get("state").asString()).isEqualTo("PROVISIONING");
        assertThat(view.get("version").asString()).isEqualTo("15");
        UUID id = UUID.fromString(view.get("id").asString());

        JsonNode running = awaitState(id, owner, "RUNNING");
        JsonNode credentials = running.get("credentials");
        assertThat(credentials.get("user").asString()).isEqualTo("app");
        assertThat(credentials.get("password").asString()).matches("[A-Za-z0-9]{32}");
        assertThat(credentials.get("url").asString()).isEqualTo("postgresql://app:"
                + credentials.get("password").asString() + "@" + running.get("host").asString() + ":5432/app");
        assertThat(running.get("memoryBytes").asLong()).isEqualTo(256L * 1024 * 1024);
        assertThat(running.get("nanoCpus").asLong()).isEqualTo(500_000_000L);
        assertThat(running.get("externalPort").isNull()).isTrue();

        DockerCli.Result query = docker("exec", "-e", "PGPASSWORD=" + credentials.get("password").asString(),
                "paas-db-" + id, "psql", "-h", "127.0.0.1", "-U", "app", "-d", "app", "-tAc",
                "create table t (x int); insert into t values (42); select x from t");
        assertThat(query.output()).endsWith("42");
        assertThat(docker("exec", "-e", "PGPASSWORD=wrong", "paas-db-" + id, "psql", "-h", "127.0.0.1", "-U", "app",
                "-d", "app", "-tAc", "select 1").ok()).as("a wrong password is refused").isFalse();
        assertThat(awaitEvent("database.database-provisioned", id).payload().get("image").asString())
                .contains("postgres:15");
        assertThat(list(owner)).hasSize(1);
        assertThat(jdbc.queryForObject("select credentials_sealed from databases where id = ?", String.class, id))
                .doesNotContain(credentials.get("password").asString());
    }

    @Test
    void anotherUsersDatabaseIsAnsweredLikeAnUnknownOne() {
        UUID owner = owner();
        UUID other = owner();
        UUID id = create(owner, "postgresql", "mine");
        UUID othersProject = project(other);

        assertThat(call("GET", "/api/v1/databases/" + id, null, other).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/databases/" + id + "?confirm=mine", null, other).statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/api/v1/databases/" + id + "/stop", null, other).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/projects/" + othersProject + "/databases/" + id, "{}", other).statusCode())
                .isEqualTo(404);
        assertThat(list(other)).isEmpty();
        JsonNode asAdmin = json(ServiceCalls.on(port).get("/api/v1/databases/" + id, tokens.admin(UUID.randomUUID())));
        assertThat(asAdmin.get("name").asString()).isEqualTo("mine");
        assertThat(asAdmin.get("credentials").isNull()).as("credentials only for the owner").isTrue();
        assertThat(json(call("GET", "/api/v1/databases/" + id, null, owner)).get("credentials").isNull()).isFalse();
    }

    @Test
    void refusesBadRequestsAndASecondDatabaseOfATypeChangingNothing() {
        UUID owner = owner();
        create(owner, "postgresql", "first");

        HttpResponse<String> quota = call("POST", "/api/v1/databases", "{\"type\":\"postgresql\",\"name\":\"second\"}",
                owner);
        assertThat(quota.statusCode()).isEqualTo(403);
        assertThat(json(quota).get("title").asString()).isEqualTo("Quota exceeded");
        assertThat(json(quota).get("detail").asString())
                .isEqualTo("the free plan allows 1 postgresql database; you have 1");

        HttpResponse<String> type = call("POST", "/api/v1/databases", "{\"type\":\"oracle\",\"name\":\"x\"}", owner);
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(json(type).get("detail").asString()).contains("postgresql, mysql, mongodb, redis");
        assertThat(call("POST", "/api/v1/databases", "{\"type\":\"redis\",\"name\":\"Bad_Name\"}", owner)
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/databases", "{\"type\":\"redis\",\"name\":\"first\"}", owner)
                .statusCode()).as("name taken").isEqualTo(409);
        assertThat(call("POST", "/api/v1/databases", "{\"type\":\"redis\",\"name\":\"r\",\"version\":\"1\"}", owner)
                .statusCode()).isEqualTo(400);
        HttpResponse<String> mongo = call("POST", "/api/v1/databases", "{\"type\":\"mongodb\",\"name\":\"m\"}", owner);
        assertThat(mongo.statusCode()).isEqualTo(422);
        assertThat(json(mongo).get("detail").asString()).contains("mongo:7");
        assertThat(list(owner)).hasSize(1);
    }

    @Test
    void deletesOnlyWithItsNameRemovingContainerVolumeAndLinks() {
        UUID owner = owner();
        UUID id = create(owner, "postgresql", "gone");
        awaitState(id, owner, "RUNNING");
        UUID project = project(owner);
        assertThat(call("POST", "/api/v1/projects/" + project + "/databases/" + id, null, owner).statusCode())
                .isEqualTo(201);

        assertThat(call("DELETE", "/api/v1/databases/" + id, null, owner).statusCode()).isEqualTo(400);
        HttpResponse<String> wrong = call("DELETE", "/api/v1/databases/" + id + "?confirm=other", null, owner);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("detail").asString()).startsWith("confirm must be the database's name (gone)");
        assertThat(state(id, owner)).isEqualTo("RUNNING");

        assertThat(call("DELETE", "/api/v1/databases/" + id + "?confirm=gone", null, owner).statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/databases/" + id, null, owner).statusCode()).isEqualTo(404);
        assertThat(DockerCli.exists("paas-db-" + id)).isFalse();
        assertThat(DockerCli.volumeExists("paas-db-" + id)).isFalse();
        assertThat(awaitEvent("database.database-unlinked", id).payload().get("reason").asString())
                .isEqualTo("database deleted");
        EventEnvelope deleted = awaitEvent("database.database-deleted", id);
        assertThat(deleted.payload().get("name").asString()).isEqualTo("gone");
        assertThat(jdbc.queryForObject("select state from databases where id = ?", String.class, id))
                .isEqualTo("DELETED");
        assertThat(create(owner, "postgresql", "gone")).as("the name and quota are free again").isNotEqualTo(id);
    }

    @Test
    void aDatabaseDeletedWhileItIsProvisionedLeavesNoContainerOrVolume() {
        UUID owner = owner();
        UUID id = create(owner, "postgresql", "brief");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> DockerCli.exists("paas-db-" + id));

        assertThat(call("DELETE", "/api/v1/databases/" + id + "?confirm=brief", null, owner).statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> !DockerCli.exists("paas-db-" + id)
                && !DockerCli.volumeExists("paas-db-" + id));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !DockerCli.exists("paas-db-" + id));
        assertThat(awaitEvent("database.database-deleted", id)).isNotNull();
    }

    @Test
    void linksPublishSealedVariablesAndUnlinksOnRequestAndOnProjectDeletion() throws Exception {
        UUID owner = owner();
        UUID id = create(owner, "postgresql", "linked");
        UUID cache = create(owner, "redis", "cache");
        UUID project = project(owner);
        assertThat(call("POST", "/api/v1/projects/" + project + "/databases/" + id, null, owner).statusCode())
                .as("still provisioning").isIn(201, 409);
        awaitState(id, owner, "RUNNING");
        awaitState(cache, owner, "RUNNING");
        call("DELETE", "/api/v1/projects/" + project + "/databases/" + id, null, owner);

        HttpResponse<String> linked = call("POST", "/api/v1/projects/" + project + "/databases/" + id, null, owner);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(json(linked).get("prefix").asString()).isEqualTo("DATABASE");
        EventEnvelope event = awaitEvent("database.database-linked", project, id);
        JsonNode payload = event.payload();
        assertThat(payload.get("variableNames").toString()).contains("DATABASE_URL", "DATABASE_PASSWORD");
        String password = json(call("GET", "/api/v1/databases/" + id, null, owner)).get("credentials")
                .get("password").asString();
        assertThat(event.payload().toString()).doesNotContain(password);
        JsonNode variables = JSON.readTree(SealedBox.ofBase64(linkKey, "link key")
                .open(payload.get("sealedVariables").asString(), "database-link:" + project + ":" + id));
        assertThat(variables.get("DATABASE_URL").asString()).startsWith("postgresql://app:" + password + "@db-");

        assertThat(call("POST", "/api/v1/projects/" + project + "/databases/" + id, null, owner).statusCode())
                .as("already linked").isEqualTo(409);
        assertThat(call("POST", "/api/v1/projects/" + project + "/databases/" + cache, "{\"prefix\":\"DATABASE\"}",
                owner).statusCode()).as("prefix taken").isEqualTo(409);
        assertThat(call("POST", "/api/v1/projects/" + project + "/databases/" + cache, "{\"prefix\":\"cache\"}",
                owner).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/projects/" + project + "/databases/" + cache, "{\"prefix\":\"CACHE\"}",
                owner).statusCode()).isEqualTo(201);
        assertThat(json(call("GET", "/api/v1/projects/" + project + "/databases", null, owner))).hasSize(2);

        assertThat(call("DELETE", "/api/v1/projects/" + project + "/databases/" + id, null, owner).statusCode())
                .isEqualTo(204);
        assertThat(awaitEvent("database.database-unlinked", project, id).payload().get("reason").asString())
                .isEqualTo("unlinked");

        bus.publish(new ProjectDeleted(project, "it-project", owner, owner, null));
        EventEnvelope unlinked = awaitEvent("database.database-unlinked", project, cache);
        assertThat(unlinked.payload().get("reason").asString()).isEqualTo("project deleted");
        assertThat(unlinked.payload().get("prefix").asString()).isEqualTo("CACHE");
        assertThat(state(cache, owner)).isEqualTo("RUNNING");
        assertThat(json(call("GET", "/api/v1/databases/" + cache, null, owner)).get("links")).isEmpty();
    }

    @Test
    void restartsAKilledContainerAndStopsOneThatKeepsDying() {
        UUID owner = owner();
        UUID id = create(owner, "redis", "flaky");
        awaitState(id, owner, "RUNNING");
        String container = "paas-db-" + id;

        assertThat(docker("kill", container).ok()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> restarts(id) == 1 && DockerCli.running(container));
        assertThat(state(id, owner)).isEqualTo("RUNNING");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (DockerCli.running(container)) {
                docker("rm", "-f", container);
            }
            return "CRASH_LOOP".equals(state(id, owner));
        });
        JsonNode crashed = json(call("GET", "/api/v1/databases/" + id, null, owner));
        assertThat(crashed.get("reason").asString()).contains("3 restarts within 5 min");
        assertThat(awaitEvent("database.database-state-changed", id).payload().get("state").asString())
                .isEqualTo("CRASH_LOOP");

        HttpResponse<String> started = call("POST", "/api/v1/databases/" + id + "/start", null, owner);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(json(started).get("state").asString()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(30)).until(() -> DockerCli.running(container));
        assertThat(restarts(id)).isZero();
    }

    @Test
    void theOwnerStopsAndStartsADatabase() {
        UUID owner = owner();
        UUID id = create(owner, "redis", "paused");
        assertThat(call("POST", "/api/v1/databases/" + id + "/start", null, owner).statusCode()).isEqualTo(409);
        awaitState(id, owner, "RUNNING");

        HttpResponse<String> stopped = call("POST", "/api/v1/databases/" + id + "/stop", null, owner);
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(json(stopped).get("state").asString()).isEqualTo("STOPPED");
        assertThat(DockerCli.running("paas-db-" + id)).isFalse();
        assertThat(call("POST", "/api/v1/databases/" + id + "/stop", null, owner).statusCode()).isEqualTo(409);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> !DockerCli.running("paas-db-" + id));

        assertThat(json(call("POST", "/api/v1/databases/" + id + "/start", null, owner)).get("state").asString())
                .isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(20)).until(() -> DockerCli.running("paas-db-" + id));
        assertThat(restarts(id)).isZero();
    }

    UUID owner() {
        UUID owner = UUID.randomUUID();
        owners.add(owner);
        return owner;
    }

    UUID project(UUID owner) {
        UUID project = UUID.randomUUID();
        try {
            bus.publish(new ProjectCreated(project, "it-" + project.toString().substring(0, 8), owner,
                    "https://github.com/acme/shop.git", "main", null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> projects.exists(project));
        return project;
    }

    UUID create(UUID owner, String type, String name) {
        HttpResponse<String> created = call("POST", "/api/v1/databases",
                JSON.writeValueAsString(Map.of("type", type, "name", name)), owner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return UUID.fromString(json(created).get("id").asString());
    }

    JsonNode awaitState(UUID id, UUID owner, String state) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> state.equals(state(id, owner)) || "FAILED".equals(state(id, owner)));
        JsonNode view = json(call("GET", "/api/v1/databases/" + id, null, owner));
        assertThat(view.get("state").asString()).as(view.toString()).isEqualTo(state);
        return view;
    }

    String state(UUID id, UUID owner) {
        HttpResponse<String> view = call("GET", "/api/v1/databases/" + id, null, owner);
        return view.statusCode() == 200 ? json(view).get("state").asString() : "HTTP " + view.statusCode();
    }

    int restarts(UUID id) {
        return jdbc.queryForObject("select count(*) from database_restarts where database_id = ?", Integer.class, id);
    }

    List<JsonNode> list(UUID owner) {
        List<JsonNode> all = new ArrayList<>();
        json(call("GET", "/api/v1/databases", null, owner)).forEach(all::add);
        return all;
    }

    static EventEnvelope awaitEvent(String type, UUID id) {
        return awaitEvent(type, null, id);
    }

    /** The event of {@code type} about database {@code id} (and {@code project}, when given). */
    static EventEnvelope awaitEvent(String type, UUID project, UUID id) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> EVENTS.stream()
                .filter(event -> event.type().equals(type))
                .filter(event -> event.payload().get("databaseId").asString().equals(id.toString()))
                .filter(event -> project == null
                        || event.payload().get("projectId").asString().equals(project.toString()))
                .reduce((first, second) -> second), Optional::isPresent).orElseThrow();
    }

    HttpResponse<String> call(String method, String path, String body, UUID user) {
        return ServiceCalls.on(port).send(method, path, body, tokens.user(user));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
