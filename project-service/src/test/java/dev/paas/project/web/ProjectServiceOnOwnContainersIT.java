package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.tokens.testing.TestTokens;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * project-service against a PostgreSQL and a NATS JetStream server in containers of its own, started by
 * Testcontainers from the platform's locally built images ({@code ./paas images}; no registry is needed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectServiceOnOwnContainersIT {

    private static final GenericContainer<?> POSTGRES = new GenericContainer<>("paas/postgres:15")
            .withEnv("POSTGRES_PASSWORD", "it-secret")
            .withEnv("POSTGRES_DATABASES", "paas_project")
            .withExposedPorts(5432)
            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 1))
            .withStartupTimeout(Duration.ofSeconds(60));

    private static final GenericContainer<?> NATS = new GenericContainer<>("paas/nats:latest")
            .withExposedPorts(4222)
            .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1))
            .withStartupTimeout(Duration.ofSeconds(60));

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        POSTGRES.start();
        NATS.start();
    }

    @AfterAll
    static void stop() {
        NATS.stop();
        POSTGRES.stop();
    }

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + POSTGRES.getMappedPort(5432)
                + "/paas_project");
        registry.add("spring.datasource.password", () -> "it-secret");
        registry.add("spring.cloud.stream.jetstream.binder.url", ProjectServiceOnOwnContainersIT::natsUrl);
        TestTokens.registerWith(registry);
    }

    @Test
    void queuesADeploymentWhoseRequestReachesJetStream() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String bearer = TestTokens.bearer(TestTokens.shared().user(UUID.randomUUID()));
        HttpResponse<String> project = http.send(HttpRequest.newBuilder(api("/api/v1/projects"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"contained\",\"repoUrl\":\"https://github.com/acme/contained.git\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(project.statusCode()).isEqualTo(201);
        String projectId = project.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> deployment = http.send(HttpRequest.newBuilder(
                api("/api/v1/projects/" + projectId + "/deployments")).header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deployment.statusCode()).isEqualTo(202);

        try (Connection nats = Nats.connect(natsUrl())) {
            JetStreamSubscription requests = nats.jetStream().subscribe("paas.project.deployment-requested.v1",
                    PullSubscribeOptions.builder().build());
            List<io.nats.client.Message> received = await().atMost(Duration.ofSeconds(20))
                    .until(() -> requests.fetch(1, Duration.ofMillis(500)), messages -> !messages.isEmpty());
            assertThat(new String(received.get(0).getData())).contains(projectId).contains("contained.git");
        }
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String natsUrl() {
        return "nats://127.0.0.1:" + NATS.getMappedPort(4222);
    }
}
