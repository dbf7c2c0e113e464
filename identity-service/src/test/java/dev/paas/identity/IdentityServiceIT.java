package dev.paas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.messaging.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** identity-service boots against its own database, migrates it and answers its probes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        String url = TestDatabases.createIfMissing("paas_identity_test");
        registry.add("spring.datasource.url", () -> url);
        registry.add("paas.identity.secrets-key", () -> IdentityTesting.SECRETS_KEY);
    }

    @Test
    void migratesItsSchemaAndAnswersProbes() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Integer.class)).isNotNull();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }
}
