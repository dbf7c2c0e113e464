package dev.paas.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerLimits;
import dev.paas.runtime.container.ContainerSpec;
import dev.paas.runtime.container.StartedContainer;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.runtime.testing.TestCaddy;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestHttp;
import dev.paas.runtime.testing.TestImages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rollouts end to end inside the service: a recorded release becomes a limited container behind Caddy; failures
 * leave nothing behind and the old release untouched; a new release takes over the route before the old
 * container goes.
 */
class RolloutIT extends RuntimeIntegrationSupport {

    private static final Duration ROLLOUT = Duration.ofSeconds(40);

    @Autowired
    Rollouts rollouts;

    @Autowired
    Releases releases;

    @Autowired
    AppContainers containers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OrphanSweeper sweeper;

    private final UUID projectId = UUID.randomUUID();
    private final String slug = "it-" + projectId.toString().substring(0, 8);
    private final String host = slug + ".paas.localhost";

    @AfterEach
    void removeContainers() {
        forgetApp(projectId);
    }

    @Test
    void bringsABuiltImageLiveBehindCaddyWithItsLimits() {
        BuiltImage image = imageBuilt(TestImages.APP);
        long recorded = System.nanoTime();

        schedule(image);
        Release release = awaitStatus(image.deploymentId(), ReleaseStatus.RUNNING);

        System.out.printf("ImageBuilt recorded -> RUNNING: %d ms%n",
                Duration.ofNanos(System.nanoTime() - recorded).toMillis());
        assertThat(release.url()).isEqualTo("http://" + host + ":" + caddy().httpPort());
        assertThat(caddy().get(host)).isEqualTo(new TestHttp.Response(200,
                "hello from " + release.containerId().substring(0, 12)));
        InspectContainerResponse inspected = TestDocker.client().inspectContainerCmd(release.containerId()).exec();
        assertThat(inspected.getHostConfig().getMemory()).isEqualTo(512L * 1024 * 1024);
        assertThat(inspected.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(inspected.getHostConfig().getPidsLimit()).isEqualTo(256L);
        assertThat(inspected.getHostConfig().getRestartPolicy().getName())
                .as("runtime-service restarts crashed replicas itself").isIn("", "no");
        assertThat(inspected.getName())
                .isEqualTo("/" + ContainerSpec.appContainerName(slug, image.deploymentId()) + "-0-0");
        assertThat(eventsOf(image.deploymentId())).containsExactly("paas.runtime.container-started.v1",
                "paas.runtime.container-healthy.v1");
        printTimers();
    }

    @Test
    void ignoresARepeatedImageBuilt() {
        BuiltImage image = imageBuilt(TestImages.APP);
        schedule(image);
        Release running = awaitStatus(image.deploymentId(), ReleaseStatus.RUNNING);

        schedule(image);

        Release after = releases.findById(image.deploymentId()).orElseThrow();
        assertThat(after.status()).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(after.containerId()).isEqualTo(running.containerId());
        assertThat(TestDocker.containersLabelled("paas.project", projectId.toString())).hasSize(1);
    }

    @Test
    void failsAnAppThatExitsWithItsExitCodeAndLeavesNoContainer() {
        BuiltImage image = imageBuilt(TestImages.CRASH);

        schedule(image);
        Release release = awaitStatus(image.deploymentId(), ReleaseStatus.FAILED);

        assertThat(release.error()).startsWith("container exited with code 1: ").contains(TestImages.CRASH_MARKER);
        assertThat(TestDocker.containersLabelled("paas.deployment", image.deploymentId().toString())).isEmpty();
        assertThat(caddy().get(host).status()).isEqualTo(404);
        assertThat(eventsOf(image.deploymentId())).containsExactly("paas.runtime.container-started.v1",
                "paas.runtime.deployment-failed.v1");
    }

    @Test
    void failsAnAppThatOpensNoPortWithItsLastLogLines() {
        BuiltImage image = imageBuilt(TestImages.SILENT);

        schedule(image);
        Release release = awaitStatus(image.deploymentId(), ReleaseStatus.FAILED);

        assertThat(release.error()).startsWith("app did not answer HTTP on port 3000 within 5 s: it opened no port; "
                + "its last log lines:\n").contains(TestImages.SILENT_MARKER);
        assertThat(reasonOnDeploymentFailed(image.deploymentId())).isEqualTo(release.error());
        assertThat(TestDocker.containersLabelled("paas.deployment", image.deploymentId().toString())).isEmpty();
    }

    @Test
    void failsAnAppListeningOnLoopbackOnlySayingWhere() {
        BuiltImage image = imageBuilt(TestImages.LOOPBACK);

        schedule(image);
        Release release = awaitStatus(image.deploymentId(), ReleaseStatus.FAILED);

        assertThat(release.error()).isEqualTo("app did not answer HTTP on port 3000 within 5 s: the app listens on "
                + "127.0.0.1:3000 inside its container; listen on 0.0.0.0 or on $PORT");
        assertThat(reasonOnDeploymentFailed(image.deploymentId())).isEqualTo(release.error());
        assertThat(TestDocker.containersLabelled("paas.deployment", image.deploymentId().toString())).isEmpty();
    }

    @Test
    void failsAnAppListeningOnAnotherPortSayingWhich() {
        BuiltImage image = imageBuilt(TestImages.OTHER_PORT);

        schedule(image);
        Release release = awaitStatus(image.deploymentId(), ReleaseStatus.FAILED);

        // Node binds 0.0.0.0 as told; the stand-in's Caddy binds [::]
        assertThat(release.error()).startsWith("app did not answer HTTP on port 3000 within 5 s: the app listens on ")
                .containsPattern("(0\\.0\\.0\\.0|\\[::\\]):8080, not on port 3000")
                .endsWith(", not on port 3000: set the port to 8080 or listen on $PORT");
        assertThat(reasonOnDeploymentFailed(image.deploymentId())).isEqualTo(release.error());
    }

    @Test
    void failsAnImageThatDoesNotExistWithoutStartingAnything() {
        BuiltImage image = imageBuilt("paas-test/never-built:1");

        schedule(image);
        Release release = awaitStatus(image.deploymentId(), ReleaseStatus.FAILED);

        assertThat(release.error()).contains("could not be created").contains("never-built");
        assertThat(eventsOf(image.deploymentId())).containsExactly("paas.runtime.deployment-failed.v1");
    }

    @Test
    void switchesTheRouteToANewReleaseBeforeRemovingTheOldContainer() throws Exception {
        BuiltImage first = imageBuilt(TestImages.APP);
        schedule(first);
        Release old = awaitStatus(first.deploymentId(), ReleaseStatus.RUNNING);
        Traffic traffic = Traffic.start(caddy(), host);

        BuiltImage second = imageBuilt(TestImages.APP);
        schedule(second);
        Release current = awaitStatus(second.deploymentId(), ReleaseStatus.RUNNING);
        awaitStatus(first.deploymentId(), ReleaseStatus.REPLACED);
        await().atMost(Duration.ofSeconds(5)).until(() -> traffic.served("hello from "
                + current.containerId().substring(0, 12)) > 20);
        Map<String, Integer> seen = traffic.stop();

        System.out.println("requests through Caddy during the switch: " + seen);
        assertThat(seen.keySet()).as("every request was answered by the old or the new container")
                .containsExactlyInAnyOrder("200 hello from " + old.containerId().substring(0, 12),
                        "200 hello from " + current.containerId().substring(0, 12));
        assertThat(caddy().get(host).body()).isEqualTo("hello from " + current.containerId().substring(0, 12));
        assertThat(containers.state(old.containerId()).exists()).isFalse();
        assertThat(releases.findById(first.deploymentId()).orElseThrow().replacedBy())
                .isEqualTo(second.deploymentId());
        assertThat(eventsOf(first.deploymentId())).containsExactly("paas.runtime.container-started.v1",
                "paas.runtime.container-healthy.v1", "paas.runtime.container-stopped.v1");
        assertThat(occurrences(caddy().routesJson(), "\"app-" + slug + "\"")).isEqualTo(1);
    }

    @Test
    void keepsTheRunningReleaseWhenItsSuccessorFails() {
        BuiltImage first = imageBuilt(TestImages.APP);
        schedule(first);
        Release old = awaitStatus(first.deploymentId(), ReleaseStatus.RUNNING);

        BuiltImage broken = imageBuilt(TestImages.CRASH);
        schedule(broken);
        awaitStatus(broken.deploymentId(), ReleaseStatus.FAILED);

        assertThat(releases.findById(first.deploymentId()).orElseThrow().status()).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(containers.state(old.containerId()).running()).isTrue();
        assertThat(caddy().get(host)).isEqualTo(new TestHttp.Response(200,
                "hello from " + old.containerId().substring(0, 12)));
    }

    @Test
    void retriesAStartThatARestartInterrupted() {
        UUID deploymentId = UUID.randomUUID();
        StartedContainer leftover = containers.start(ContainerSpec.forApp(slug, projectId, deploymentId,
                TestImages.APP, 3000, ContainerLimits.of(256L << 20, 0.5, 64)));
        insertInterrupted(deploymentId, leftover, 1);

        Release release = awaitStatus(deploymentId, ReleaseStatus.RUNNING);

        assertThat(release.containerId()).isNotEqualTo(leftover.id());
        assertThat(release.attempts()).isEqualTo(2);
        assertThat(containers.state(leftover.id()).exists()).isFalse();
        assertThat(caddy().get(host).body()).isEqualTo("hello from " + release.containerId().substring(0, 12));
    }

    @Test
    void givesUpOnAStartInterruptedTooOften() {
        UUID deploymentId = UUID.randomUUID();
        StartedContainer leftover = containers.start(ContainerSpec.forApp(slug, projectId, deploymentId,
                TestImages.APP, 3000, ContainerLimits.of(256L << 20, 0.5, 64)));
        insertInterrupted(deploymentId, leftover, 2);

        Release release = awaitStatus(deploymentId, ReleaseStatus.FAILED);

        assertThat(release.error()).isEqualTo(
                "runtime-service was interrupted while starting the containers 2 times; giving up");
        assertThat(containers.state(leftover.id()).exists()).isFalse();
    }

    @Test
    void sweepsAwayContainersOfReleasesThatAreOverButNoOthers() {
        BuiltImage live = imageBuilt(TestImages.APP);
        schedule(live);
        Release running = awaitStatus(live.deploymentId(), ReleaseStatus.RUNNING);
        UUID failedDeployment = UUID.randomUUID();
        StartedContainer orphan = containers.start(ContainerSpec.forApp(slug, projectId, failedDeployment,
                TestImages.APP, 3000, ContainerLimits.of(256L << 20, 0.5, 64)));
        UUID unknownDeployment = UUID.randomUUID();
        StartedContainer stranger = containers.start(ContainerSpec.forApp(slug, projectId, unknownDeployment,
                TestImages.APP, 3000, ContainerLimits.of(256L << 20, 0.5, 64)));
        jdbc.update("""
                insert into releases (deployment_id, project_id, slug, image_tag, port, status, error, attempts,
                    created_at, updated_at, version)
                values (?, ?, ?, ?, 3000, 'FAILED', 'Docker was unreachable', 1, now(), now(), 1)""",
                failedDeployment, projectId, slug, TestImages.APP);

        sweeper.sweep();

        assertThat(containers.state(orphan.id()).exists()).isFalse();
        assertThat(containers.state(stranger.id()).running()).as("unknown deployments are left alone").isTrue();
        assertThat(containers.state(running.containerId()).running()).isTrue();
    }

    private void insertInterrupted(UUID deploymentId, StartedContainer container, int attempts) {
        jdbc.update("""
                insert into releases (deployment_id, project_id, slug, image_tag, port, status, container_id,
                    container_name, host_port, attempts, created_at, updated_at, version, lease_owner, lease_until)
                values (?, ?, ?, ?, 3000, 'STARTING', ?, ?, ?, ?, now(), now(), 1, 'crashed-instance',
                    now() - interval '1 second')""",
                deploymentId, projectId, slug, TestImages.APP, container.id(), container.name(),
                container.hostPort(), attempts);
    }

    private void schedule(BuiltImage image) {
        rollouts.schedule(image.deploymentId(), image.projectId(), image.ownerId(), image.projectSlug(),
                image.imageTag(), image.port());
    }

    private BuiltImage imageBuilt(String image) {
        return new BuiltImage(UUID.randomUUID(), projectId, UUID.randomUUID(), slug, image, 3000);
    }

    private Release awaitStatus(UUID deploymentId, ReleaseStatus status) {
        return await().atMost(ROLLOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> releases.findById(deploymentId).orElse(null),
                        release -> release != null && (release.status() == status
                                || release.status() == ReleaseStatus.FAILED && status != ReleaseStatus.FAILED
                                        && fail(release)));
    }

    private static boolean fail(Release release) {
        throw new AssertionError("release of deployment " + release.deploymentId() + " failed: " + release.error());
    }

    private List<String> eventsOf(UUID deploymentId) {
        return jdbc.queryForList("select subject from outbox_event where aggregate_id = ? order by occurred_at, id",
                String.class, deploymentId.toString());
    }

    /** The reason the outbox carries on the deployment's {@code DeploymentFailed}, as project-service reads it. */
    private String reasonOnDeploymentFailed(UUID deploymentId) {
        String envelope = jdbc.queryForObject("select envelope from outbox_event where aggregate_id = ? and subject = "
                + "'paas.runtime.deployment-failed.v1'", String.class, deploymentId.toString());
        return JsonMapper.builder().build().readTree(envelope).path("payload").path("reason").asString();
    }

    private void printTimers() {
        for (String name : List.of("paas.runtime.start.to.healthy", "paas.runtime.healthy.to.switched")) {
            Timer timer = meters.get(name).timer();
            System.out.printf("%s: count %d, mean %.1f ms, max %.1f ms%n", name, timer.count(),
                    timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** What build-service reports about a built image, as the rollout takes it. */
    private record BuiltImage(UUID deploymentId, UUID projectId, UUID ownerId, String projectSlug, String imageTag,
            int port) {
    }

    /** Sequential requests through Caddy on a virtual thread, bounded in count and time, tallied by answer. */
    private static final class Traffic {

        private static final int MAX_REQUESTS = 5000;

        private final Map<String, Integer> answers = new ConcurrentHashMap<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger sent = new AtomicInteger();
        private final Thread thread;

        private Traffic(TestCaddy caddy, String host) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            thread = Thread.ofVirtual().start(() -> {
                while (!stopped.get() && sent.incrementAndGet() <= MAX_REQUESTS && System.nanoTime() < deadline) {
                    String answer;
                    try {
                        TestHttp.Response response = caddy.get(host);
                        answer = response.status() + " " + response.body();
                    } catch (RuntimeException e) {
                        answer = "error " + e;
                    }
                    answers.merge(answer, 1, Integer::sum);
                }
            });
        }

        static Traffic start(TestCaddy caddy, String host) {
            return new Traffic(caddy, host);
        }

        int served(String body) {
            return answers.getOrDefault("200 " + body, 0);
        }

        Map<String, Integer> stop() throws InterruptedException {
            stopped.set(true);
            thread.join(Duration.ofSeconds(10));
            return Map.copyOf(answers);
        }
    }
}
