package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The build queue gauge against the real PostgreSQL database. The build is RUNNING under a lease that does not run
 * out during the test, so no worker of another test context claims or re-queues it.
 */
@ServiceComponentTest(database = "paas_build_test", properties = {
    "paas.build.worker.enabled=false",
    "paas.build.queue-metrics-interval=200ms"
})
@ActiveProfiles("local")
class BuildQueueMetersIT {

    private static EventBus bus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private final UUID buildId = UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.start();
        TestTokens.registerWith(registry);
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
        registry.add("paas.build.work-dir", () -> createWorkDir());
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @AfterEach
    void removeBuild() {
        jdbc.update("delete from builds where id = ?", buildId);
    }

    @Test
    void countsTheBuildsBeingBuilt() {
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("paas.build.queue.builds")
                .tag("status", "running").gauge() != null);
        long before = runningBuilds();
        assertThat(meters.get("paas.build.queue.builds").tag("status", "queued").gauge().value()).isNotNegative();

        jdbc.update("""
                insert into builds (id, project_id, owner_id, project_slug, repo_url, branch, status, attempts,
                                    queued_at, started_at, lease_expires_at, version)
                values (?, ?, ?, 'it-queue-meters', 'file:///nowhere', 'main', 'RUNNING', 1, now(), now(),
                        now() + interval '1 hour', 1)""", buildId, UUID.randomUUID(), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(10)).until(() -> runningBuilds() > before);

        jdbc.update("update builds set status = 'SUCCEEDED', finished_at = now() where id = ?", buildId);
        await().atMost(Duration.ofSeconds(10)).until(() -> runningBuilds() < before + 1);
    }

    private long runningBuilds() {
        return (long) meters.get("paas.build.queue.builds").tag("status", "running").gauge().value();
    }

    private static String createWorkDir() {
        try {
            return Files.createTempDirectory("build-queue-meters-it").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
