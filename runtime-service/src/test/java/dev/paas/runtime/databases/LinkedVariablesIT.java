package dev.paas.runtime.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.database.DatabaseLinked;
import dev.paas.contracts.database.DatabaseUnlinked;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.testing.EventBus;
import dev.paas.runtime.environment.ProjectEnvironment;
import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.rollout.AppVariables;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.sealing.SealedBox;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
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
 * Linked databases' variables on JetStream ({@code paas.database}): a {@code DatabaseLinked} sealed under the link key
 * reaches what the project's containers start with (the owner's own variable winning), is listed read-only and
 * masked, replaced by a re-link, removed by an unlink or the project's deletion, and stored sealed; a link that does
 * not open (tampered, another key, another project) stores nothing.
 */
class LinkedVariablesIT extends RuntimeIntegrationSupport {

    private static final EventBus bus = EventBus.shared();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SealedBox LINK_KEY = SealedBox.ofBase64(DATABASE_LINK_KEY, "test link key");

    private final HttpClient http = HttpClient.newHttpClient();
    private final UUID owner = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID databaseId = UUID.randomUUID();

    @Value("${local.server.port}")
    int port;

    @Autowired
    AppVariables appVariables;

    @Autowired
    ProjectEnvironment environment;

    @Autowired
    KnownProjects projects;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void ownersProject() {
        projects.created(projectId, "linked-" + projectId.toString().substring(0, 8), owner, Instant.now());
    }

    @Test
    void aLinkedDatabasesVariablesReachTheContainersUntilItIsUnlinked() throws Exception {
        environment.replace(projectId, owner, Map.of("API_KEY", "k", "DATABASE_HOST", "the-owners-host"));
        Map<String, String> variables = databaseVariables("pw-one");

        bus.publish(linked(projectId, databaseId, variables, LINK_KEY));

        await().atMost(Duration.ofSeconds(20)).until(() -> appVariables.of(projectId).containsKey("DATABASE_URL"));
        assertThat(appVariables.of(projectId))
                .containsEntry("DATABASE_URL", "postgresql://app:pw-one@db-0123456789ab:5432/app")
                .containsEntry("DATABASE_PASSWORD", "pw-one")
                .containsEntry("API_KEY", "k")
                .as("the owner's variable wins over the database's").containsEntry("DATABASE_HOST", "the-owners-host");
        assertThat(jdbc.queryForList("select value_sealed from linked_variables where project_id = ?", String.class,
                projectId)).hasSize(variables.size()).allSatisfy(sealed -> assertThat(sealed).startsWith("v1:")
                        .doesNotContain("pw-one"));

        JsonNode listed = JSON.readTree(getEnv(owner).body());
        List<String> sources = new ArrayList<>();
        for (JsonNode variable : listed.path("variables")) {
            sources.add(variable.path("key").asString() + "=" + variable.path("source").asString() + "/"
                    + variable.path("value").asString() + "/" + variable.path("overridden").asBoolean());
        }
        String database = "database:" + databaseId;
        assertThat(sources).containsExactly("API_KEY=owner/••••••/false", "DATABASE_HOST=owner/••••••/false",
                "DATABASE_HOST=" + database + "/••••••/true", "DATABASE_PASSWORD=" + database + "/••••••/false",
                "DATABASE_PORT=" + database + "/••••••/false", "DATABASE_URL=" + database + "/••••••/false",
                "DATABASE_USER=" + database + "/••••••/false");
        assertThat(getEnv(owner, "?reveal=true").body()).as("a linked value is never revealed")
                .doesNotContain("pw-one");
        assertThat(getEnv(UUID.randomUUID()).statusCode()).isEqualTo(404);

        environment.set(projectId, owner, "DATABASE_URL", "mine");
        environment.delete(projectId, owner, "DATABASE_URL");
        assertThat(appVariables.of(projectId)).as("setting and deleting a variable leaves the linked one")
                .containsEntry("DATABASE_URL", "postgresql://app:pw-one@db-0123456789ab:5432/app");

        Map<String, String> rotated = new LinkedHashMap<>();
        rotated.put("DATABASE_URL", "postgresql://app:pw-two@db-0123456789ab:5432/app");
        rotated.put("DATABASE_PASSWORD", "pw-two");
        bus.publish(linked(projectId, databaseId, rotated, LINK_KEY));
        await().atMost(Duration.ofSeconds(20)).until(() -> "pw-two".equals(appVariables.of(projectId)
                .get("DATABASE_PASSWORD")));
        assertThat(appVariables.of(projectId)).as("a re-link replaces the database's set")
                .doesNotContainKeys("DATABASE_USER", "DATABASE_PORT")
                .containsEntry("DATABASE_HOST", "the-owners-host");

        bus.publish(new DatabaseUnlinked(databaseId, projectId, owner, "DATABASE", List.copyOf(rotated.keySet()),
                "unlinked by its owner", owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> !appVariables.of(projectId).containsKey("DATABASE_URL"));
        assertThat(appVariables.of(projectId)).containsOnlyKeys("API_KEY", "DATABASE_HOST");
        assertThat(count(projectId)).isZero();
    }

    @Test
    void aLinkThatDoesNotOpenStoresNothing() throws Exception {
        DatabaseLinked good = linked(projectId, databaseId, databaseVariables("pw"), LINK_KEY);
        byte[] bytes = Base64.getDecoder().decode(good.sealedVariables().substring(3));
        bytes[bytes.length / 2] ^= 0x01;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        bus.publish(withSealed(good, tampered));
        SealedBox otherKey = new SealedBox(new byte[32]);
        bus.publish(linked(projectId, databaseId, databaseVariables("pw"), otherKey));
        UUID otherProject = UUID.randomUUID();
        bus.publish(withSealed(good, linked(otherProject, databaseId, databaseVariables("pw"), LINK_KEY)
                .sealedVariables()));
        bus.publish(withSealed(good, LINK_KEY.seal("[1, 2]", "database-link:" + projectId + ":" + databaseId)));
        bus.publish(withSealed(good, LINK_KEY.seal("{\"DATABASE_PORT\": 5432}",
                "database-link:" + projectId + ":" + databaseId)));

        UUID marker = UUID.randomUUID();
        projects.created(marker, "marker-" + marker.toString().substring(0, 8), owner, Instant.now());
        bus.publish(linked(marker, databaseId, databaseVariables("m"), LINK_KEY));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(marker) > 0);
        assertThat(count(projectId)).isZero();
        assertThat(appVariables.of(projectId)).isEmpty();
    }

    @Test
    void aDeletedProjectsLinkedVariablesGoWithIt() throws Exception {
        bus.publish(linked(projectId, databaseId, databaseVariables("pw"), LINK_KEY));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(projectId) > 0);

        bus.publish(new ProjectDeleted(projectId, "linked-" + projectId.toString().substring(0, 8), owner, owner,
                null));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(projectId) == 0);

        bus.publish(linked(projectId, databaseId, databaseVariables("late"), LINK_KEY));
        UUID marker = UUID.randomUUID();
        projects.created(marker, "marker-" + marker.toString().substring(0, 8), owner, Instant.now());
        bus.publish(linked(marker, databaseId, databaseVariables("m"), LINK_KEY));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(marker) > 0);
        assertThat(count(projectId)).as("a link arriving after the deletion keeps nothing").isZero();
    }

    private long count(UUID project) {
        return jdbc.queryForObject("select count(*) from linked_variables where project_id = ?", Long.class, project);
    }

    private static Map<String, String> databaseVariables(String password) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DATABASE_URL", "postgresql://app:" + password + "@db-0123456789ab:5432/app");
        variables.put("DATABASE_HOST", "db-0123456789ab");
        variables.put("DATABASE_PORT", "5432");
        variables.put("DATABASE_USER", "app");
        variables.put("DATABASE_PASSWORD", password);
        return variables;
    }

    private DatabaseLinked linked(UUID project, UUID database, Map<String, String> variables, SealedBox key) {
        String json = JSON.writeValueAsString(variables);
        return new DatabaseLinked(database, project, owner, "postgresql", "DATABASE", List.copyOf(variables.keySet()),
                key.seal(json, "database-link:" + project + ":" + database), owner);
    }

    private static DatabaseLinked withSealed(DatabaseLinked link, String sealed) {
        return new DatabaseLinked(link.databaseId(), link.projectId(), link.ownerId(), link.type(), link.prefix(),
                link.variableNames(), sealed, link.actorId());
    }

    private HttpResponse<String> getEnv(UUID user) throws Exception {
        return getEnv(user, "");
    }

    private HttpResponse<String> getEnv(UUID user, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects/"
                + projectId + "/env" + query)).header("Authorization",
                        TestTokens.bearer(TestTokens.shared().user(user))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
