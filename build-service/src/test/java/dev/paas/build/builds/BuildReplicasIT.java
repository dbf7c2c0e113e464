package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.build.BuildServiceApplication;
import dev.paas.build.TestRepositories;
import dev.paas.build.image.DockerImages;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.FreshDatabase;
import dev.paas.tokens.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two build-service instances, one build at a time each, share one queue (a fresh database): three builds queued on
 * one instance are built by both at once, and none is built twice.
 */
class BuildReplicasIT {

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.perTest("paas_build_replicas_it");

    @TempDir
    Path repository;

    @TempDir
    Path work;

    private EventBus bus;

    @AfterEach
    void stopReplicas() throws Exception {
        if (!replicas.isEmpty()) {
            DockerImages images = replicas.getFirst().getBean(DockerImages.class);
            tags.forEach(images::remove);
        }
        replicas.forEach(ConfigurableApplicationContext::close);
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void twoInstancesBuildAtOnceFromOneQueueAndNoBuildRunsTwice() throws Exception {
        Files.writeString(repository.resolve("Dockerfile"), """
                FROM paas/base:bookworm
                RUN echo %s && sleep 4
                """.formatted(UUID.randomUUID()));
        TestRepositories.commitAll(repository, "A slow little build");
        bus = EventBus.start();
        replicas.add(start("a"));
        replicas.add(start("b"));
        BuildQueue queue = replicas.getFirst().getBean(BuildQueue.class);
        List<UUID> builds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            String slug = "it-replica-" + i;
            queue.enqueue(id, UUID.randomUUID(), UUID.randomUUID(), slug, repository.toUri().toString(), "main");
            builds.add(id);
            tags.add("paas-app/" + slug + ":" + id);
        }

        AtomicInteger mostRunning = new AtomicInteger();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            mostRunning.accumulateAndGet(count("status = 'RUNNING'"), Math::max);
            return count("status = 'SUCCEEDED'") == 3;
        });

        assertThat(mostRunning.get()).as("builds running at the same moment, one per instance").isEqualTo(2);
        for (UUID id : builds) {
            assertThat(database.jdbc().queryForObject("select attempts from builds where id = ?", Integer.class, id))
                    .isOne();
            assertThat(database.jdbc().queryForObject(
                    "select count(*) from build_log_lines where build_id = ? and line like '==> Build %'",
                    Integer.class, id)).as("runs of build " + id).isOne();
        }
    }

    private int count(String condition) {
        return database.jdbc().queryForObject("select count(*) from builds where " + condition, Integer.class);
    }

    private ConfigurableApplicationContext start(String name) throws Exception {
        return new SpringApplicationBuilder(BuildServiceApplication.class).profiles("local").run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.cloud.stream.jetstream.binder.url=" + bus.url(),
                "--spring.cloud.stream.jetstream.binder.connection-name=build-service-" + name,
                "--paas.security.jwks-url=" + TestTokens.shared().jwksUrl(),
                "--paas.messaging.outbox.poll-interval=200ms",
                "--paas.build.concurrency=1",
                "--paas.build.poll-interval=500ms",
                "--paas.build.work-dir=" + Files.createDirectories(work.resolve(name)),
                "--spring.main.banner-mode=off");
    }
}
