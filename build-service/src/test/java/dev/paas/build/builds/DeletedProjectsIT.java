package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.build.image.DockerImages;
import dev.paas.build.image.ImageBuildRequest;
import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import io.nats.client.Dispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ProjectDeleted arriving on {@code paas.project}: the project's builds are cancelled and then deleted with their logs
 * and work directories, its images removed, and another project keeps all of its. API-only instance
 * ({@code paas.build.worker.enabled=false}) so nothing claims the builds; the real PostgreSQL, Docker engine and a
 * JetStream server of its own.
 */
@ServiceComponentTest(database = "paas_build_test", properties = {
    "paas.messaging.outbox.poll-interval=200ms",
    "paas.build.worker.enabled=false",
    "paas.build.poll-interval=500ms"
})
@ActiveProfiles("local")
class DeletedProjectsIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final List<EventEnvelope> BUILD_EVENTS = new CopyOnWriteArrayList<>();
    private static final UUID OWNER = UUID.randomUUID();
    private static final Path WORK_DIR = createWorkDir();
    private static EventBus bus;

    @Autowired
    BuildQueue queue;

    @Autowired
    DockerImages images;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path context;

    private final List<String> tags = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.start();
        Dispatcher dispatcher = bus.client()
                .createDispatcher(message -> BUILD_EVENTS.add(CODEC.fromBytes(message.getData())));
        dispatcher.subscribe("paas.build.>");
        TestTokens.registerWith(registry);
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
        registry.add("paas.build.work-dir", WORK_DIR::toString);
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @AfterEach
    void removeImages() {
        tags.forEach(images::remove);
    }

    @Test
    void removesTheBuildsLogsWorkDirectoriesAndImagesOfTheDeletedProjectOnly() throws Exception {
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID queued = enqueue(deleted);
        UUID running = enqueue(UUID.randomUUID());
        jdbc.update("update builds set project_id = ?, status = 'RUNNING', attempts = 1 where id = ?", deleted,
                running);
        UUID succeeded = finished(deleted);
        UUID otherBuild = finished(kept);
        Path leftOver = Files.createDirectories(WORK_DIR.resolve(succeeded + "-crashed")).resolve("src");
        Files.writeString(Files.createDirectories(leftOver).resolve("index.js"), "console.log(1)");
        Path othersDirectory = Files.createDirectories(WORK_DIR.resolve(otherBuild + "-crashed"));
        String image = build(deleted, true);
        String unmanaged = build(deleted, false);
        String othersImage = build(kept, true);

        bus.publish(new ProjectDeleted(deleted, "it-deleted", OWNER, OWNER, null));

        assertThat(awaitCancelled(queued).reason()).isEqualTo("project deleted");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(statusOf(running)).containsEntry("status", "RUNNING");
            assertThat(queue.cancelRequests(List.of(running))).containsEntry(running, "project deleted");
            assertThat(buildsOf(deleted)).containsExactly(running);
        });
        assertThat(logLinesOf(succeeded)).isZero();
        assertThat(WORK_DIR.resolve(succeeded + "-crashed")).doesNotExist();
        assertThat(images.inspect(image)).as("kept while a build of the project runs").isPresent();

        // The worker that ran it stops it as asked.
        jdbc.update("update builds set status = 'CANCELLED', error = cancel_reason where id = ?", running);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(buildsOf(deleted)).isEmpty();
            assertThat(images.inspect(image)).isEmpty();
            assertThat(jdbc.queryForObject("select purged_at is not null from deleted_projects where project_id = ?",
                    Boolean.class, deleted)).isTrue();
        });
        assertThat(images.inspect(unmanaged)).as("not labelled paas.managed").isPresent();
        assertThat(images.inspect(othersImage)).as("another project's image").isPresent();
        assertThat(buildsOf(kept)).containsExactly(otherBuild);
        assertThat(logLinesOf(otherBuild)).isEqualTo(1);
        assertThat(othersDirectory).exists();
    }

    @Test
    void aDeploymentOfTheDeletedProjectRequestedLaterIsNotBuiltAndARepeatedDeletionChangesNothing()
            throws Exception {
        UUID deleted = UUID.randomUUID();
        EventEnvelope deletion = bus.publish(new ProjectDeleted(deleted, "it-deleted", OWNER, OWNER, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from deleted_projects where project_id = ? and purged_at is not null", Long.class,
                deleted) == 1);

        UUID late = UUID.randomUUID();
        bus.publish(new DeploymentRequested(late, deleted, "it-deleted", "https://github.com/acme/shop.git", "main",
                OWNER));
        UUID marker = UUID.randomUUID();
        bus.publish(new DeploymentRequested(marker, UUID.randomUUID(), "it-other", "https://github.com/acme/shop.git",
                "main", OWNER));
        bus.republish(deletion);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from builds where id = ?", Long.class, marker) == 1);
        assertThat(jdbc.queryForObject("select count(*) from builds where id = ?", Long.class, late)).isZero();
    }

    private UUID enqueue(UUID project) {
        UUID id = UUID.randomUUID();
        queue.enqueue(id, project, OWNER, "it-deleted", "https://github.com/acme/shop.git", "main");
        return id;
    }

    private UUID finished(UUID project) {
        UUID id = enqueue(UUID.randomUUID());
        jdbc.update("update builds set project_id = ?, status = 'SUCCEEDED', attempts = 1 where id = ?", project, id);
        jdbc.update("insert into build_log_lines (build_id, line) values (?, 'done')", id);
        return id;
    }

    private List<UUID> buildsOf(UUID project) {
        return jdbc.queryForList("select id from builds where project_id = ?", UUID.class, project);
    }

    private long logLinesOf(UUID build) {
        return jdbc.queryForObject("select count(*) from build_log_lines where build_id = ?", Long.class, build);
    }

    private Map<String, Object> statusOf(UUID id) {
        return jdbc.queryForMap("select status, error from builds where id = ?", id);
    }

    private String build(UUID project, boolean managed) throws Exception {
        // From scratch: the test needs no base image, and each image is a different one.
        Files.writeString(context.resolve("marker"), UUID.randomUUID().toString());
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY marker /marker\n");
        String tag = "paas-app/deleted-it:" + UUID.randomUUID();
        tags.add(tag);
        Map<String, String> labels = managed ? Map.of("paas.managed", "true", "paas.project", project.toString())
                : Map.of("paas.project", project.toString());
        images.build(new ImageBuildRequest(context, context.resolve("Dockerfile"), tag, labels), line -> { });
        return tag;
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("deleted-projects-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BuildCancelled awaitCancelled(UUID id) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
                () -> BUILD_EVENTS.stream().filter(envelope -> envelope.aggregateId().equals(id.toString()))
                        .map(CODEC::payloadOf).flatMap(Optional::stream)
                        .filter(BuildCancelled.class::isInstance).map(BuildCancelled.class::cast)
                        .findFirst().orElse(null), event -> event != null);
    }
}
