package dev.paas.build.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.testing.EventBus;
import dev.paas.tokens.testing.TestTokens;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A build and its log belong to the owner its deployment request named: others get the answer a deployment that
 * was never requested gets. API only ({@code paas.build.worker.enabled=false}): no Docker engine is needed.
 */
@ServiceComponentTest(database = "paas_build_test_owners", properties = "paas.build.worker.enabled=false")
class BuildOwnershipIT {

    private static EventBus bus;
    private static TestTokens tokens;
    private final UUID owner = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private final UUID deploymentId = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
    }

    @BeforeEach
    void ownerRequestsADeployment() throws Exception {
        bus.publish(new DeploymentRequested(deploymentId, UUID.randomUUID(), "owned", "https://github.com/acme/owned.git",
                "main", owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/builds/" + deploymentId, tokens.user(owner))
                .statusCode() == 200);
        jdbc.update("insert into build_log_lines (build_id, line) values (?, 'Cloning https://github.com/acme/owned.git')",
                deploymentId);
    }

    @Test
    void recordsTheOwnerOfTheRequest() {
        assertThat(jdbc.queryForObject("select owner_id from builds where id = ?", UUID.class, deploymentId))
                .isEqualTo(owner);
    }

    @Test
    void answersAnotherUsersBuildAndLogLikeMissingOnes() throws Exception {
        UUID missing = UUID.randomUUID();
        for (String path : List.of("/api/v1/builds/%s", "/api/v1/deployments/%s/build-log")) {
            HttpResponse<String> foreign = get(path.formatted(deploymentId), tokens.user(stranger));
            HttpResponse<String> unknown = get(path.formatted(missing), tokens.user(stranger));

            assertThat(foreign.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(foreign.headers().firstValue("Content-Type")).isEqualTo(
                    unknown.headers().firstValue("Content-Type"));
            assertThat(foreign.body().replace(deploymentId.toString(), "ID"))
                    .isEqualTo(unknown.body().replace(missing.toString(), "ID"));
            assertThat(get(path.formatted(deploymentId), tokens.user(owner)).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/api/v1/deployments/" + deploymentId + "/build-log", tokens.user(owner)).body())
                .contains("Cloning https://github.com/acme/owned.git");
    }

    @Test
    void refusesRequestsWithoutAValidToken() throws Exception {
        for (String token : new String[] {null, tokens.expired(owner), tokens.algNone(owner), tokens.otherKey(owner),
                tokens.wrongIssuer(owner)}) {
            for (String path : List.of("/api/v1/builds/", "/api/v1/deployments/")) {
                HttpResponse<String> response = get(path + deploymentId + (path.endsWith("deployments/")
                        ? "/build-log" : ""), token);
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            }
        }
    }

    private HttpResponse<String> get(String path, String token) {
        return ServiceCalls.on(port).get(path, token);
    }
}
