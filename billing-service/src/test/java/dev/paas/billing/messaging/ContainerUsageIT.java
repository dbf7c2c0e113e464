package dev.paas.billing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
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

/** billing-service opens and closes usage intervals from container facts on JetStream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerUsageIT {

    private static EventBus bus;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        registry.add("spring.datasource.url", () -> TestDatabases.url("paas_billing_test"));
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
    }

    @Test
    void opensAndClosesAUsageIntervalPerContainer() throws Exception {
        UUID deploymentId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        EventEnvelope started = bus.publish(new ContainerStarted(deploymentId, projectId, "c1", 512L << 20, 500_000_000L));

        await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/v1/billing/projects/" + projectId + "/usage").body(),
                body -> body.contains(deploymentId.toString()) && body.contains("\"stoppedAt\":null"));

        bus.publish(new ContainerStopped(deploymentId, projectId, "c1", "replaced"));
        bus.republish(started);
        String usage = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/v1/billing/projects/" + projectId + "/usage").body(),
                body -> !body.contains("\"stoppedAt\":null"));
        assertThat(usage).contains("\"memoryBytes\":536870912").contains("\"nanoCpus\":500000000");
        assertThat(usage.split("deploymentId")).hasSize(2);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
