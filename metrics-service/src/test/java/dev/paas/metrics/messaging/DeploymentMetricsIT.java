package dev.paas.metrics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.NatsServerProcess;
import dev.paas.messaging.testing.TestDatabases;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** metrics-service hears build and runtime facts from JetStream and reports them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentMetricsIT {

    private static NatsServerProcess nats;
    private static Connection natsClient;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database("paas_metrics_test"));
        registry.add("spring.cloud.stream.jetstream.binder.url", () -> nats.url());
    }

    @BeforeAll
    static void startNats() throws Exception {
        nats = new NatsServerProcess().start();
        natsClient = Nats.connect(nats.url());
    }

    @AfterAll
    static void stopNats() throws Exception {
        natsClient.close();
        nats.close();
    }

    @Test
    void recordsMilestonesAndTimeToLiveOncePerDeployment() throws Exception {
        UUID deploymentId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        EventEnvelope started = publish(new BuildStarted(deploymentId, projectId));
        publish(new ImageBuilt(deploymentId, projectId, "shop", "paas-app/shop:1", "node", "abc", "msg", 3000));
        publish(new ContainerHealthy(deploymentId, projectId, "c1", "http://shop.paas.localhost"));
        natsClient.jetStream().publish(started.subject(), codec.toBytes(started));

        HttpResponse<String> timeToLive = await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/metrics/deployments/" + deploymentId + "/time-to-live"),
                        response -> response.statusCode() == 200);
        assertThat(timeToLive.body()).contains(deploymentId.toString()).contains("\"millis\"");
        String counts = get("/api/v1/metrics/deployments").body();
        assertThat(counts).contains("BUILD_STARTED").contains("IMAGE_BUILT").contains("HEALTHY");
        assertThat(get("/actuator/prometheus").body()).contains("paas_deployment_milestones_total");
    }

    private EventEnvelope publish(IntegrationEvent event) throws Exception {
        EventEnvelope envelope = codec.envelope(event, null);
        natsClient.jetStream().publish(envelope.subject(), codec.toBytes(envelope));
        return envelope;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String database(String name) {
        try {
            return TestDatabases.createIfMissing(name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
