package dev.paas.metrics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.messaging.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** metrics-service hears build and runtime facts from JetStream and reports them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentMetricsIT {

    private static EventBus bus;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        registry.add("spring.datasource.url", () -> TestDatabases.url("paas_metrics_test"));
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
    }

    @Test
    void recordsMilestonesAndTimeToLiveOncePerDeployment() throws Exception {
        UUID deploymentId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        EventEnvelope started = bus.publish(new BuildStarted(deploymentId, projectId));
        bus.publish(new ImageBuilt(deploymentId, projectId, "shop", "paas-app/shop:1", "node", "abc", "msg", 3000));
        bus.publish(new ContainerHealthy(deploymentId, projectId, "c1", "http://shop.paas.localhost"));
        bus.republish(started);

        HttpResponse<String> timeToLive = await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/metrics/deployments/" + deploymentId + "/time-to-live"),
                        response -> response.statusCode() == 200);
        assertThat(timeToLive.body()).contains(deploymentId.toString()).contains("\"millis\"");
        String counts = get("/api/v1/metrics/deployments").body();
        assertThat(counts).contains("BUILD_STARTED").contains("IMAGE_BUILT").contains("HEALTHY");
        assertThat(get("/actuator/prometheus").body()).contains("paas_deployment_milestones_total");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
