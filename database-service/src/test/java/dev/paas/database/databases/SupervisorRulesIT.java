package dev.paas.database.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.database.engine.DatabaseType;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The supervisor's rules that real engines make slow to provoke, with in-memory engines: the disk quota (filling a
 * real volume to its quota would take minutes: at the quota writes are refused and the view says so; below 95 % they
 * are allowed again), failing probes (an engine that stops answering is restarted after 3 failures in a row) and an
 * expired provisioning lease. Its own database, so its supervisor sees no real containers.
 */
@ServiceComponentTest(database = "paas_database_quota", freshDatabase = true)
class SupervisorRulesIT {

    private static TestTokens tokens;

    @LocalServerPort
    int port;

    @Autowired
    InMemoryEngines engines;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseSecrets secrets;

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

    @Test
    void restartsADatabaseWhoseEngineFailsThreeProbesInARow() {
        UUID owner = UUID.randomUUID();
        HttpResponse<String> created = ServiceCalls.on(port).send("POST", "/api/v1/databases",
                "{\"type\":\"postgresql\",\"name\":\"silent\"}", tokens.user(owner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        UUID id = UUID.fromString(DatabasesIT.json(created).get("id").asString());
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(view(id, owner).get("state").asString()));
        Instant started = engines.status("paas-db-" + id).startedAt();

        engines.ready = false;
        await().atMost(Duration.ofSeconds(30)).until(() -> restarts(id) == 1);
        engines.ready = true;
        await().atMost(Duration.ofSeconds(10)).until(() -> engines.status("paas-db-" + id).running()
                && engines.status("paas-db-" + id).startedAt().isAfter(started));
        assertThat(view(id, owner).get("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void provisionsADatabaseWhoseProvisionerDiedOnceItsLeaseExpires() {
        UUID id = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        String sealed = secrets.seal(id, secrets.generate(DatabaseType.REDIS));
        jdbc.update("""
                insert into databases (id, owner_id, name, type, version, image, state, container, volume,
                    credentials_sealed, memory_bytes, nano_cpus, disk_quota_bytes, created_at, updated_at,
                    lease_owner, lease_until)
                values (?, ?, 'orphan', 'redis', '7', 'paas/redis:7', 'PROVISIONING', ?, ?, ?, 1, 1, 1, now(), now(),
                    'a-replica-that-died', now() + interval '3 seconds')""",
                id, owner, "paas-db-" + id, "paas-db-" + id, sealed);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !engines.status("paas-db-"
                + id).running());
        await().atMost(Duration.ofSeconds(15)).until(() -> "RUNNING".equals(view(id, owner).get("state").asString()));
        assertThat(engines.status("paas-db-" + id).running()).isTrue();
    }

    private int restarts(UUID id) {
        return jdbc.queryForObject("select count(*) from database_restarts where database_id = ?", Integer.class, id);
    }

    private JsonNode view(UUID id, UUID owner) {
        return DatabasesIT.json(ServiceCalls.on(port).get("/api/v1/databases/" + id, tokens.user(owner)));
    }
}
