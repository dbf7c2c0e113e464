package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import dev.paas.build.TestRepositories;
import dev.paas.build.image.DockerImages;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.tokens.testing.TestTokens;
import dev.paas.testing.ServiceComponentTest;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service against the real PostgreSQL ({@code paas_build_test}), the NATS JetStream server and the Docker
 * engine: a {@code DeploymentRequested} published to JetStream ends in {@code ImageBuilt} or {@code BuildFailed} on
 * {@code paas.build.>}, and the REST API shows the build and its log.
 *
 * <p>The test consumes {@code paas.project} through its own durable consumer, recreated to deliver only new messages,
 * so deployments other tests left in the stream are not built here. Polling and heartbeat are set minutes apart, so
 * builds start within the tests' time only because the worker is woken when a build is queued.
 */
@ServiceComponentTest(database = "paas_build_test", properties = {
    "paas.messaging.outbox.poll-interval=200ms",
    "paas.build.poll-interval=1h",
    "paas.build.lease=10m"
})
@ActiveProfiles("local")
class BuildServiceIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final List<EventEnvelope> BUILD_EVENTS = new CopyOnWriteArrayList<>();
    private static final UUID OWNER = UUID.randomUUID();
    private static EventBus bus;
    private static Connection nats;

    @TempDir
    static Path workDirectory;

    @TempDir
    Path repository;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DockerImages images;

    @Autowired
    BuildQueue queue;

    /**
     * Runs when the context is created, before Liquibase and the binder: a JetStream server of the test's own (it
     * wins over the shared one of {@link ServiceComponentTest}), listener.
     */
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.start();
        nats = bus.client();
        Dispatcher dispatcher = nats.createDispatcher(message -> BUILD_EVENTS.add(CODEC.fromBytes(message.getData())));
        dispatcher.subscribe("paas.build.>");

        TestTokens.registerWith(registry);
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
        registry.add("paas.build.work-dir", () -> workDirectory.toString());
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void publishesImageBuiltForARequestedDeployment() throws Exception {
        String sha = TestRepositories.commitSample("static-site", repository);
        DeploymentRequested requested = request("it-static", repository.toUri().toString(), "main");
        String tag = "paas-app/it-static:" + requested.deploymentId();
        ImageBuilt expected = new ImageBuilt(requested.deploymentId(), requested.projectId(), "it-static", tag,
                "static", sha, "Deploy the static-site sample", 8080, OWNER, TestRepositories.AUTHOR);

        long started = System.nanoTime();
        publish(requested);

        awaitEvent(ImageBuilt.class, requested.deploymentId(), expected::equals, Duration.ofMinutes(3));
        System.out.printf("DeploymentRequested -> ImageBuilt in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(eventsOf(BuildStarted.class, requested.deploymentId()))
                .contains(new BuildStarted(requested.deploymentId(), requested.projectId(), OWNER));

        @SuppressWarnings("unchecked")
        Map<String, Object> build = api().get().uri("/api/v1/builds/{id}", requested.deploymentId()).retrieve()
                .body(Map.class);
        assertThat(build).containsEntry("status", "SUCCEEDED").containsEntry("imageTag", tag)
                .containsEntry("commitSha", sha).containsEntry("stack", "static");
        String log = api().get().uri("/api/v1/deployments/{id}/build-log", requested.deploymentId()).retrieve()
                .body(String.class);
        assertThat(log).contains("Cloning " + repository.toUri(),
                "Detect: detected a static site (index.html): served as is by nginx on paas/nginx:bookworm", "Step 1/",
                "FROM paas/nginx:bookworm", "Successfully tagged " + tag);
        // The runner deletes the work directory right after it recorded the success (which published ImageBuilt).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<Path> left = Files.list(workDirectory)) {
                assertThat(left).isEmpty();
            }
        });
        images.remove(tag);
    }

    @Test
    void buildsExactlyTheRequestedOlderCommitNotTheBranchHead() throws Exception {
        String older = TestRepositories.commitSample("static-site", repository);
        Files.delete(repository.resolve("index.html"));
        Files.writeString(repository.resolve("README.md"), "nothing to deploy\n");
        String head = TestRepositories.commitAll(repository, "Remove the site");
        DeploymentRequested requested = new DeploymentRequested(UUID.randomUUID(), UUID.randomUUID(), "it-pinned",
                repository.toUri().toString(), "main", OWNER, older, DeploymentRequested.BuildSettings.NONE);

        publish(requested);

        // The head has no site left: only the older commit's content builds as a static site.
        ImageBuilt built = awaitEvent(ImageBuilt.class, requested.deploymentId(), event -> true,
                Duration.ofMinutes(3));
        assertThat(built.commitSha()).isEqualTo(older).isNotEqualTo(head);
        assertThat(built.stack()).isEqualTo("static");
        assertThat(built.commitMessage()).isEqualTo("Deploy the static-site sample");
        assertThat(built.commitAuthor()).isEqualTo(TestRepositories.AUTHOR);
        assertThat(jdbc.queryForMap("select requested_commit_sha, commit_sha, commit_author from builds where id = ?",
                requested.deploymentId())).containsEntry("requested_commit_sha", older)
                .containsEntry("commit_sha", older).containsEntry("commit_author", TestRepositories.AUTHOR);
        assertThat(api().get().uri("/api/v1/deployments/{id}/build-log", requested.deploymentId()).retrieve()
                .body(String.class)).contains("commit " + older + ", depth 1", "Checked out " + older);
        images.remove(built.imageTag());
    }

    @Test
    void failsClearlyWhenTheRequestedCommitIsNotInTheRepository() throws Exception {
        TestRepositories.commitSample("static-site", repository);
        String url = repository.toUri().toString();
        String missing = "0123456789abcdef0123456789abcdef01234567";
        DeploymentRequested requested = new DeploymentRequested(UUID.randomUUID(), UUID.randomUUID(), "it-gone",
                url, "main", OWNER, missing, null);

        publish(requested);

        awaitEvent(BuildFailed.class, requested.deploymentId(), failed -> failed.reason().equals("commit " + missing
                + " not found on branch 'main' of " + url + ": was it force-pushed away?"), Duration.ofMinutes(1));
    }

    @Test
    void publishesBuildFailedForAnUnknownBranchAndIgnoresAReplay() throws Exception {
        TestRepositories.commitSample("static-site", repository);
        String url = repository.toUri().toString();
        DeploymentRequested requested = request("it-branch", url, "nope");

        publish(requested);

        awaitEvent(BuildFailed.class, requested.deploymentId(),
                failed -> failed.reason().equals("branch 'nope' not found in " + url) && failed.commitSha() == null
                        && OWNER.equals(failed.ownerId()),
                Duration.ofMinutes(1));

        publish(requested);
        DeploymentRequested marker = request("it-empty", url, "main");
        Files.delete(repository.resolve("index.html"));
        Files.writeString(repository.resolve("README.md"), "nothing to deploy\n");
        TestRepositories.commitAll(repository, "Remove the site");
        publish(marker);

        // The marker was published after the replay, so once it is handled the replay was handled too.
        awaitEvent(BuildFailed.class, marker.deploymentId(), failed -> failed.reason().equals(
                "no supported stack detected: looked for a Dockerfile, package.json, requirements.txt or pyproject.toml,"
                        + " go.mod, pom.xml or build.gradle, composer.json or index.php, or index.html in the"
                        + " repository root"), Duration.ofMinutes(1));
        assertThat(jdbc.queryForMap("select status, attempts from builds where id = ?", requested.deploymentId()))
                .containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat(jdbc.queryForObject("select count(*) from build_log_lines where build_id = ? and line like '==> %'",
                Integer.class, requested.deploymentId())).as("runs in the build log: the first one and its failure")
                .isEqualTo(2);
    }

    @Test
    void resumesABuildLeftRunningByACrashedWorker() {
        TestRepositories.commitSample("static-site", repository);
        UUID deploymentId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        // What a worker that died mid-build leaves behind: RUNNING, attempt 1, a lease nobody renews.
        jdbc.update("""
                insert into builds (id, project_id, owner_id, project_slug, repo_url, branch, status, attempts,
                                    queued_at, started_at, lease_expires_at, version)
                values (?, ?, ?, 'it-resumed', ?, 'main', 'RUNNING', 1, now(), now(), now() - interval '1 minute', 1)""",
                deploymentId, projectId, OWNER, repository.toUri().toString());

        // What the worker's heartbeat does at start-up and every lease/3: re-queue builds whose lease ran out.
        queue.requeueAbandoned();

        ImageBuilt built = awaitEvent(ImageBuilt.class, deploymentId, event -> true, Duration.ofMinutes(3));
        assertThat(built.imageTag()).isEqualTo("paas-app/it-resumed:" + deploymentId);
        assertThat(built.ownerId()).isEqualTo(OWNER);
        assertThat(jdbc.queryForObject("select attempts from builds where id = ?", Integer.class, deploymentId))
                .isEqualTo(2);
        String buildLog = api().get().uri("/api/v1/deployments/{id}/build-log", deploymentId).retrieve()
                .body(String.class);
        assertThat(buildLog.lines().findFirst()).get(STRING)
                .matches("\\S+ \\[clone] ==> Resuming build " + deploymentId + " \\(attempt 2\\)");
        // The static template marks its single stage as the image: the Docker build's steps are logged in that phase.
        assertThat(buildLog).contains("[image] Step 1/");
        images.remove(built.imageTag());
    }

    /**
     * The cancel goes through the database: the API records it, and the worker running the build (here the same
     * instance, on another replica just the same) finds it on its next cancel check and stops the docker build.
     */
    @Test
    void cancelsARunningBuildWithinSecondsAndLeavesNothingBehind() throws Exception {
        Files.writeString(repository.resolve("Dockerfile"), """
                FROM paas/nginx:bookworm
                RUN echo %s && sleep 120
                """.formatted(UUID.randomUUID()));
        TestRepositories.commitAll(repository, "Take forever");
        DeploymentRequested requested = request("it-cancel", repository.toUri().toString(), "main");
        publish(requested);
        String runningLine = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> buildLog(requested.deploymentId()).lines()
                        .filter(line -> line.contains(" ---> Running in ")).findFirst().orElse(null),
                        found -> found != null);
        String container = runningLine.substring(runningLine.indexOf(" ---> Running in ") + " ---> Running in ".length())
                .strip();

        long cancelled = System.nanoTime();
        var accepted = api().post().uri("/api/v1/deployments/{id}/cancel", requested.deploymentId()).retrieve()
                .toEntity(Map.class);

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        awaitEvent(BuildCancelled.class, requested.deploymentId(),
                event -> event.equals(new BuildCancelled(requested.deploymentId(), requested.projectId(),
                        "cancelled by its owner", OWNER)), Duration.ofSeconds(20));
        assertThat((System.nanoTime() - cancelled) / 1e9).as("seconds until the build stopped").isLessThan(8);
        assertThat(jdbc.queryForMap("select status, error from builds where id = ?", requested.deploymentId()))
                .containsEntry("status", "CANCELLED").containsEntry("error", "cancelled by its owner");
        assertThat(buildLog(requested.deploymentId())).contains("==> Build stopped: cancelled by its owner");
        assertThat(eventsOf(BuildFailed.class, requested.deploymentId())).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> !dockerHasContainer(container));
        assertThat(images.inspect("paas-app/it-cancel:" + requested.deploymentId())).isEmpty();
    }

    private boolean dockerHasContainer(String id) {
        try {
            return new ProcessBuilder("docker", "inspect", "--type", "container", id).start().waitFor() == 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String buildLog(UUID id) {
        return api().get().uri("/api/v1/deployments/{id}/build-log", id).retrieve().body(String.class);
    }

    @Test
    void answersUnknownBuildsWithProblemDetails() {
        UUID unknown = UUID.randomUUID();
        var response = api().get().uri("/api/v1/builds/{id}", unknown).retrieve()
                .onStatus(status -> true, (request, reply) -> { })
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("build " + unknown + " not found");
    }

    private static DeploymentRequested request(String slug, String repoUrl, String branch) {
        return new DeploymentRequested(UUID.randomUUID(), UUID.randomUUID(), slug, repoUrl, branch, OWNER);
    }

    private static void publish(IntegrationEvent event) throws Exception {
        nats.jetStream().publish(IntegrationEvent.subjectOf(event.getClass()),
                CODEC.toBytes(CODEC.envelope(event, null)));
    }

    /**
     * Waits for an event about the deployment that matches: tests look for the event they expect rather than the
     * first one.
     */
    private static <T extends IntegrationEvent> T awaitEvent(Class<T> type, UUID deploymentId, Predicate<T> matching,
            Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> eventsOf(type, deploymentId).stream().filter(matching).findFirst().orElse(null),
                        event -> event != null);
    }

    private static <T extends IntegrationEvent> List<T> eventsOf(Class<T> type, UUID deploymentId) {
        return BUILD_EVENTS.stream()
                .filter(envelope -> envelope.aggregateId().equals(deploymentId.toString()))
                .map(CODEC::payloadOf)
                .flatMap(java.util.Optional::stream)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(TestTokens.shared().user(OWNER))).build();
    }
}
