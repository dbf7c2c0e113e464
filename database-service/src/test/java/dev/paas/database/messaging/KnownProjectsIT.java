package dev.paas.database.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.EventEnvelope;
import dev.paas.database.projects.KnownProjects;
import dev.paas.messaging.testing.EventBus;
import dev.paas.tokens.testing.TestTokens;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * database-service keeps its own record of projects and their owners from project events on JetStream (a deleted
 * project is forgotten), and its API is closed to callers without a valid token.
 */
@ServiceComponentTest(database = "paas_database_test")
class KnownProjectsIT {

    private static EventBus bus;
    private static TestTokens tokens;

    @LocalServerPort
    int port;

    @Autowired
    KnownProjects projects;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
    }

    @Test
    void recordsEveryCreatedProjectWithItsOwner() throws Exception {
        UUID projectId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID legacyProject = UUID.randomUUID();
        bus.publish(new ProjectCreated(legacyProject, "old-shop"));
        bus.publish(new ProjectCreated(projectId, "shop", owner, "https://github.com/acme/shop.git", "main", null));

        await().atMost(Duration.ofSeconds(20)).until(() -> projects.exists(projectId));
        assertThat(projects.ownerOf(projectId)).contains(owner);
        assertThat(projects.exists(legacyProject)).isTrue();
        assertThat(projects.ownerOf(legacyProject)).isEmpty();
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void forgetsADeletedProjectAndOnlyThatOne() throws Exception {
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        bus.publish(new ProjectCreated(deleted, "gone", owner, "https://github.com/acme/gone.git", "main", null));
        bus.publish(new ProjectCreated(kept, "kept", owner, "https://github.com/acme/kept.git", "main", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> projects.exists(deleted) && projects.exists(kept));

        EventEnvelope deletion = bus.publish(new ProjectDeleted(deleted, "gone", owner, owner, null));
        bus.republish(deletion);

        await().atMost(Duration.ofSeconds(20)).until(() -> !projects.exists(deleted));
        assertThat(projects.exists(kept)).isTrue();
        assertThat(projects.ownerOf(kept)).contains(owner);
    }

    @Test
    void refusesApiCallsWithoutAValidToken() throws Exception {
        UUID user = UUID.randomUUID();
        for (String token : new String[] {null, tokens.expired(user), tokens.algNone(user), tokens.otherKey(user),
                tokens.hs256WithPublicKey(user)}) {
            HttpResponse<String> response = get("/api/v1/databases", token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(get("/api/v1/databases", tokens.user(user)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/admin/databases", tokens.user(user)).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String token) {
        return ServiceCalls.on(port).get(path, token);
    }
}
