package dev.paas.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A deployment's metrics are its owner's: others get the answer a missing deployment gets. */
@ServiceComponentTest(database = "paas_metrics_test")
class MetricsOwnershipIT extends SecuredComponentTest {

    private final EventBus bus = EventBus.shared();

    private final UUID owner = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private final UUID deploymentId = UUID.randomUUID();

    @BeforeEach
    void ownerDeploys() throws Exception {
        UUID projectId = UUID.randomUUID();
        bus.publish(new BuildStarted(deploymentId, projectId, owner));
        bus.publish(new ContainerHealthy(deploymentId, projectId, "c1", "http://x.paas.localhost"));
        await().atMost(Duration.ofSeconds(20)).until(() -> timeToLive(deploymentId, owner).statusCode() == 200);
    }

    @Test
    void answersAnotherUsersDeploymentLikeAMissingOne() throws Exception {
        UUID missing = UUID.randomUUID();
        HttpResponse<String> foreign = timeToLive(deploymentId, stranger);
        HttpResponse<String> unknown = timeToLive(missing, stranger);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(foreign.body().replace(deploymentId.toString(), "ID"))
                .isEqualTo(unknown.body().replace(missing.toString(), "ID"));
        assertThat(timeToLive(deploymentId, owner).statusCode()).isEqualTo(200);
    }

    @Test
    void countsOnlyTheCallersDeploymentsAndEverybodysForAdministrators() throws Exception {
        assertThat(get("/api/v1/metrics/deployments", stranger).body()).isEqualTo("[]");
        assertThat(get("/api/v1/metrics/deployments", owner).body())
                .isEqualTo("[{\"milestone\":\"BUILD_STARTED\",\"deployments\":1},"
                        + "{\"milestone\":\"HEALTHY\",\"deployments\":1}]");

        assertThat(get("/api/v1/admin/metrics/deployments", owner).statusCode()).isEqualTo(403);
        HttpResponse<String> everyone = get("/api/v1/admin/metrics/deployments", tokens.admin(stranger));
        assertThat(everyone.statusCode()).isEqualTo(200);
        assertThat(everyone.body()).contains("BUILD_STARTED");
    }

    @Test
    void refusesRequestsWithoutAValidToken() throws Exception {
        String path = "/api/v1/metrics/deployments/" + deploymentId + "/time-to-live";
        for (String token : new String[] {null, tokens.expired(owner), tokens.algNone(owner), tokens.otherKey(owner),
                tokens.wrongAudience(owner)}) {
            HttpResponse<String> response = get(path, token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(get("/api/v1/metrics/deployments", (String) null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> timeToLive(UUID deployment, UUID caller) throws Exception {
        return get("/api/v1/metrics/deployments/" + deployment + "/time-to-live", caller);
    }
}
