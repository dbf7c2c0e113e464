package dev.paas.database.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The disk quota's rule on the stored state and the engine's writes, with in-memory engines (filling a real volume
 * to its quota would take minutes): at the quota writes are refused once and the view says so; below 95 % they are
 * allowed again. Its own database, so its supervisor sees no real containers.
 */
@ServiceComponentTest(database = "paas_database_quota", freshDatabase = true)
class DiskQuotaIT {

    private static TestTokens tokens;

    @LocalServerPort
    int port;

    @Autowired
    InMemoryEngines engines;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        tokens = TestTokens.registerWith(registry);
    }

    @TestConfiguration
    static class Engines {

        @Bean
        @Primary
        InMemoryEngines inMemoryEngines() {
            return new InMemoryEngines();
        }
    }

    @Test
    void refusesWritesAtTheQuotaAndAllowsThemBelowNinetyFivePercent() {
        UUID owner = UUID.randomUUID();
        HttpResponse<String> created = ServiceCalls.on(port).send("POST", "/api/v1/databases",
                "{\"type\":\"mysql\",\"name\":\"full\"}", tokens.user(owner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        UUID id = UUID.fromString(DatabasesIT.json(created).get("id").asString());
        String container = "paas-db-" + id;
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(view(id, owner).get("state").asString()));
        long quota = view(id, owner).get("diskQuotaBytes").asLong();
        assertThat(quota).isEqualTo(1024L * 1024 * 1024);

        engines.usage = quota;
        await().atMost(Duration.ofSeconds(20)).until(() -> view(id, owner).get("quotaExceeded").asBoolean());
        assertThat(engines.refusingWrites).containsEntry(container, true);
        assertThat(view(id, owner).get("usageBytes").asLong()).isEqualTo(quota);

        engines.usage = quota * 96 / 100;
        await().atMost(Duration.ofSeconds(20)).until(() -> view(id, owner).get("usageBytes").asLong() < quota);
        assertThat(view(id, owner).get("quotaExceeded").asBoolean()).as("still above 95 %").isTrue();

        engines.usage = quota / 2;
        await().atMost(Duration.ofSeconds(20)).until(() -> !view(id, owner).get("quotaExceeded").asBoolean());
        assertThat(engines.refusingWrites).containsEntry(container, false);
    }

    private JsonNode view(UUID id, UUID owner) {
        return DatabasesIT.json(ServiceCalls.on(port).get("/api/v1/databases/" + id, tokens.user(owner)));
    }
}
