package dev.paas.runtime.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.sealing.SealedBox;
import dev.paas.tokens.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's environment through the API, against the real database: masked unless revealed, validated before
 * anything changes, the owner's only, sealed at rest under the ring's first key, re-sealed after a rotation, and
 * every change in the outbox as {@code EnvironmentChanged} without a value.
 */
class EnvironmentIT extends RuntimeIntegrationSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final UUID owner = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KnownProjects projects;

    @Autowired
    ProjectEnvironment environment;

    @Autowired
    EnvironmentResealing resealing;

    @BeforeEach
    void ownersProject() {
        projects.created(projectId, "env-" + projectId.toString().substring(0, 8), owner, Instant.now());
    }

    @Test
    void masksValuesUnlessRevealedAndSortsThemByKey() throws Exception {
        assertThat(put("", json("{\"variables\":{\"ZETA\":\"last\",\"ALPHA\":\"a-secret-value\",\"EMPTY\":\"\"}}"),
                owner).statusCode()).isEqualTo(200);

        JsonNode masked = body(get("", owner));
        assertThat(keys(masked)).containsExactly("ALPHA", "EMPTY", "ZETA");
        for (JsonNode variable : masked.path("variables")) {
            assertThat(variable.path("value").asString()).isEqualTo("••••••");
            assertThat(Instant.parse(variable.path("updatedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        }
        JsonNode revealed = body(get("?reveal=true", owner));
        assertThat(values(revealed)).containsExactly("a-secret-value", "", "last");
        assertThat(environment.variables(projectId)).containsExactly(Map.entry("ALPHA", "a-secret-value"),
                Map.entry("EMPTY", ""), Map.entry("ZETA", "last"));
    }

    @Test
    void setsAndDeletesOneVariable() throws Exception {
        HttpResponse<String> set = put("/API_KEY", json("{\"value\":\"k-123\"}"), owner);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(body(set).path("key").asString()).isEqualTo("API_KEY");
        assertThat(body(set).path("value").asString()).isEqualTo("••••••");
        assertThat(put("/API_KEY", json("{\"value\":\"k-456\"}"), owner).statusCode()).isEqualTo(200);
        assertThat(environment.variables(projectId)).containsExactly(Map.entry("API_KEY", "k-456"));

        assertThat(delete("/API_KEY", owner).statusCode()).isEqualTo(204);
        assertThat(environment.variables(projectId)).isEmpty();
        HttpResponse<String> again = delete("/API_KEY", owner);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("environment variable API_KEY not found");
    }

    @Test
    void replacesTheWholeSetFromADotEnvText() throws Exception {
        put("", json("{\"variables\":{\"OLD\":\"gone\",\"KEEP\":\"same\"}}"), owner);

        HttpResponse<String> replaced = put("", text("""
                # production
                export KEEP=same
                DATABASE_URL="postgres://db/shop?x=1\\nsecond line"
                GREETING='héllo wörld' # comment
                """), owner);

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(keys(body(replaced))).containsExactly("DATABASE_URL", "GREETING", "KEEP");
        assertThat(environment.variables(projectId)).containsExactly(
                Map.entry("DATABASE_URL", "postgres://db/shop?x=1\nsecond line"),
                Map.entry("GREETING", "héllo wörld"), Map.entry("KEEP", "same"));
        assertThat(environmentChanged()).last().satisfies(event -> {
            assertThat(event.path("action").asString()).isEqualTo("REPLACED");
            assertThat(strings(event.path("keys"))).containsExactly("DATABASE_URL", "GREETING", "OLD");
        });
    }

    @Test
    void refusesInvalidInputAndChangesNothing() throws Exception {
        put("", json("{\"variables\":{\"KEPT\":\"v\"}}"), owner);
        int events = environmentChanged().size();

        assertBadRequest(put("", text("A=1\nB=2\nnot a variable\n"), owner), "line 3 is not KEY=value");
        assertBadRequest(put("", text("A=1\nPORT=8080\n"), owner), "line 2 contains the reserved key 'PORT'");
        assertBadRequest(put("", text("A=\"never closed\n"), owner), "line 1 opens a value with \"");
        assertBadRequest(put("", json("{\"variables\":{\"GOOD\":\"1\",\"9BAD\":\"2\"}}"), owner),
                "variables contains the invalid key '9BAD'");
        assertBadRequest(put("", json("{\"variables\":{\"NULL\":null}}"), owner), "variables sets no value for 'NULL'");
        assertBadRequest(put("/PORT", json("{\"value\":\"1\"}"), owner), "path contains the reserved key 'PORT'");
        assertBadRequest(put("/MY-KEY", json("{\"value\":\"1\"}"), owner), "path contains the invalid key 'MY-KEY'");
        assertBadRequest(put("/BIG", json("{\"value\":\"" + "x".repeat(32 * 1024 + 1) + "\"}"), owner),
                "body sets a value of 32769 bytes for 'BIG'");
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            tooMany.append("K").append(i).append("=v\n");
        }
        assertBadRequest(put("", text(tooMany.toString()), owner), "variables would be 201 variables");
        StringBuilder tooLarge = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            tooLarge.append("K").append(i).append('=').append("x".repeat(32 * 1024)).append('\n');
        }
        assertBadRequest(put("", text(tooLarge.toString()), owner), "variables would be 294930 bytes");

        assertThat(environment.variables(projectId)).containsExactly(Map.entry("KEPT", "v"));
        assertThat(environmentChanged()).hasSize(events);
    }

    @Test
    void answersAnotherUsersProjectLikeAnUnknownOne() throws Exception {
        put("", json("{\"variables\":{\"SECRET\":\"owners-only\"}}"), owner);
        UUID unknown = UUID.randomUUID();

        List<HttpResponse<String>> foreign = List.of(get("?reveal=true", stranger),
                put("", json("{\"variables\":{}}"), stranger), put("", text("A=1"), stranger),
                put("/SECRET", json("{\"value\":\"stolen\"}"), stranger), delete("/SECRET", stranger));
        for (HttpResponse<String> response : foreign) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("owners-only").contains("project " + projectId + " not found");
        }
        HttpResponse<String> unknownProject = call("GET", "/api/v1/projects/" + unknown + "/env", null, null,
                tokens().user(stranger));
        assertThat(unknownProject.statusCode()).isEqualTo(404);
        assertThat(unknownProject.body().replace(unknown.toString(), "ID"))
                .isEqualTo(foreign.getFirst().body().replace(projectId.toString(), "ID"));
        assertThat(environment.variables(projectId)).containsExactly(Map.entry("SECRET", "owners-only"));
        assertThat(get("", null).statusCode()).isEqualTo(401);
    }

    @Test
    void keepsNoValueInClearTextAtRest() throws Exception {
        put("", json("{\"variables\":{\"DB_PASSWORD\":\"correct-horse-battery-staple\"}}"), owner);

        Map<String, Object> row = jdbc.queryForMap("select * from environment_variables where project_id = ?",
                projectId);
        assertThat(row.get("key_id")).isEqualTo(ENV_KEY_ID);
        assertThat(row.get("sealed_value").toString()).startsWith("v1:").doesNotContain("correct-horse");
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(value -> value.contains("correct-horse"));
        assertThat(new SealedBox(Base64.getDecoder().decode(ENV_KEY))
                .open(row.get("sealed_value").toString(), "runtime.env/" + projectId + "/DB_PASSWORD"))
                .isEqualTo("correct-horse-battery-staple");
    }

    @Test
    void readsValuesSealedUnderThePreviousKeyAndSealsThemAgainUnderTheFirst() {
        String sealedBefore = new SealedBox(Base64.getDecoder().decode(PREVIOUS_ENV_KEY))
                .seal("from-before-the-rotation", "runtime.env/" + projectId + "/LEGACY");
        jdbc.update("insert into environment_variables (project_id, name, sealed_value, key_id, updated_at) "
                + "values (?, 'LEGACY', ?, ?, now())", projectId, sealedBefore, PREVIOUS_ENV_KEY_ID);

        assertThat(environment.variables(projectId)).containsExactly(Map.entry("LEGACY", "from-before-the-rotation"));

        assertThat(resealing.reseal()).isPositive();

        Map<String, Object> row = jdbc.queryForMap("select key_id, sealed_value from environment_variables "
                + "where project_id = ? and name = 'LEGACY'", projectId);
        assertThat(row.get("key_id")).isEqualTo(ENV_KEY_ID);
        assertThat(row.get("sealed_value")).isNotEqualTo(sealedBefore);
        assertThat(environment.variables(projectId)).containsExactly(Map.entry("LEGACY", "from-before-the-rotation"));
        assertThat(jdbc.queryForObject("select count(*) from environment_variables where key_id = ?", Long.class,
                PREVIOUS_ENV_KEY_ID)).isZero();
    }

    @Test
    void recordsEveryChangeInTheOutboxWithKeysButNoValues() throws Exception {
        put("", json("{\"variables\":{\"B_KEY\":\"value-one\",\"A_KEY\":\"value-two\"}}"), owner);
        put("/C_KEY", json("{\"value\":\"value-three\"}"), owner);
        put("/C_KEY", json("{\"value\":\"value-three\"}"), owner);
        delete("/A_KEY", owner);

        List<JsonNode> events = environmentChanged();
        assertThat(events).extracting(event -> event.path("action").asString())
                .containsExactly("REPLACED", "SET", "DELETED");
        assertThat(events).extracting(event -> strings(event.path("keys")))
                .containsExactly(List.of("A_KEY", "B_KEY"), List.of("C_KEY"), List.of("A_KEY"));
        for (JsonNode event : events) {
            assertThat(event.path("projectId").asString()).isEqualTo(projectId.toString());
            assertThat(event.path("ownerId").asString()).isEqualTo(owner.toString());
            assertThat(event.path("actorId").asString()).isEqualTo(owner.toString());
        }
        assertThat(jdbc.queryForList("select envelope from outbox_event where aggregate_id = ?", String.class,
                projectId.toString())).isNotEmpty().noneMatch(envelope -> envelope.contains("value-"));
    }

    private List<JsonNode> environmentChanged() {
        return jdbc.queryForList("select envelope from outbox_event where aggregate_id = ? and subject = "
                + "'paas.runtime.environment-changed.v1' order by occurred_at, id", String.class,
                projectId.toString()).stream().map(envelope -> JSON.readTree(envelope).path("payload")).toList();
    }

    private static void assertBadRequest(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("detail").asString()).startsWith(detail);
    }

    private static JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> keys(JsonNode variables) {
        return variables.path("variables").valueStream().map(variable -> variable.path("key").asString()).toList();
    }

    private static List<String> values(JsonNode variables) {
        return variables.path("variables").valueStream().map(variable -> variable.path("value").asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private record Body(String contentType, String content) {
    }

    private static Body json(String content) {
        return new Body("application/json", content);
    }

    private static Body text(String content) {
        return new Body("text/plain; charset=UTF-8", content);
    }

    private HttpResponse<String> get(String path, UUID user) throws Exception {
        return call("GET", envPath(path), null, null, user == null ? null : tokens().user(user));
    }

    private HttpResponse<String> put(String path, Body body, UUID user) throws Exception {
        return call("PUT", envPath(path), body.contentType(), body.content(), tokens().user(user));
    }

    private HttpResponse<String> delete(String path, UUID user) throws Exception {
        return call("DELETE", envPath(path), null, null, tokens().user(user));
    }

    private String envPath(String path) {
        return "/api/v1/projects/" + projectId + "/env" + path;
    }

    private HttpResponse<String> call(String method, String path, String contentType, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TestTokens tokens() {
        return TestTokens.shared();
    }
}
