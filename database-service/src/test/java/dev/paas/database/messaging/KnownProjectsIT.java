package dev.paas.database.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.database.projects.KnownProjects;
import dev.paas.messaging.testing.EventBus;
import dev.paas.messaging.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** database-service keeps its own record of projects from project events on JetStream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnownProjectsIT {

    private static EventBus bus;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    KnownProjects projects;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        registry.add("spring.datasource.url", () -> TestDatabases.url("paas_database_test"));
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
    }

    @Test
    void recordsEveryCreatedProject() throws Exception {
        UUID projectId = UUID.randomUUID();
        bus.publish(new ProjectCreated(projectId, "shop"));

        await().atMost(Duration.ofSeconds(20)).until(() -> projects.exists(projectId));
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
