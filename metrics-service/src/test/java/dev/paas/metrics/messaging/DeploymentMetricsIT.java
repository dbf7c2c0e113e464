package dev.paas.metrics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** metrics-service hears build and runtime facts from JetStream and reports them to the deployment's owner. */
@ServiceComponentTest(database = "paas_metrics_test")
class DeploymentMetricsIT extends SecuredComponentTest {

    private final EventBus bus = EventBus.shared();

    @Test
    void recordsMilestonesAndTimeToLiveOncePerDeployment() throws Exception {
        UUID deploymentId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        EventEnvelope started = bus.publish(new BuildStarted(deploymentId, projectId, owner));
        bus.publish(new ImageBuilt(deploymentId, projectId, "shop", "paas-app/shop:1", "node", "abc", "msg", 3000,
                owner));
        bus.publish(new ContainerHealthy(deploymentId, projectId, "c1", "http://shop.paas.localhost"));
        bus.republish(started);

        HttpResponse<String> timeToLive = await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/metrics/deployments/" + deploymentId + "/time-to-live", owner),
                        response -> response.statusCode() == 200);
        assertThat(timeToLive.body()).contains(deploymentId.toString()).contains("\"millis\"");
        // Build and runtime facts arrive on two streams: the healthy fact may be handled before the image's.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/api/v1/metrics/deployments", owner).body())
                        .contains("{\"milestone\":\"BUILD_STARTED\",\"deployments\":1}")
                        .contains("{\"milestone\":\"IMAGE_BUILT\",\"deployments\":1}")
                        .contains("{\"milestone\":\"HEALTHY\",\"deployments\":1}"));
        assertThat(get("/actuator/prometheus", (String) null).body()).contains("paas_deployment_milestones_total");
    }
}
