package dev.paas.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.runtime.ingress.UpstreamDirectory;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestHttp;
import dev.paas.runtime.testing.TestImages;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The supervisor with real Docker, Caddy and dnsmasq: scaling, stop and start, rolling restarts, restarts of
 * crashed and unhealthy replicas with back-off, and crash loops. Back-off and probe intervals are shortened so that
 * the rules show within seconds.
 */
@TestPropertySource(properties = {
    "paas.runtime.supervise-interval=200ms",
    "paas.runtime.health-timeout=20s",
    "paas.runtime.probe-interval=300ms",
    "paas.runtime.backoff-initial=100ms",
    "paas.runtime.backoff-max=400ms",
    "paas.runtime.drain-grace=5s"
})
class SupervisorIT extends RuntimeIntegrationSupport {

    private static final Duration SOON = Duration.ofSeconds(45);

    @Autowired
    Rollouts rollouts;

    @Autowired
    Releases releases;

    @Autowired
    AppLifecycle lifecycle;

    @Autowired
    AppStore store;

    @Autowired
    UpstreamDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    private final UUID projectId = UUID.randomUUID();
    private final UUID ownerId = UUID.randomUUID();
    private final String slug = "it-" + projectId.toString().substring(0, 8);
    private final String host = slug + ".paas.localhost";

    @AfterEach
    void removeContainers() {
        forgetApp(projectId);
        directory.serve(slug, List.of());
    }

    @Test
    void scalesOutBehindCaddyAndBackIn() {
        deploy(TestImages.APP);

        lifecycle.scale(projectId, 3, ownerId, false);

        await().atMost(SOON).until(() -> serving().size() == 3 && directory.serving(slug).size() == 3);
        Set<String> answeredBy = new HashSet<>();
        await().atMost(SOON).pollInterval(Duration.ofMillis(20))
                .until(() -> answeredBy.add(caddy().get(host).body()) && answeredBy.size() == 3);
        assertThat(answeredBy).allMatch(body -> body.startsWith("hello from "));
        assertThat(stateChanges()).contains("RUNNING 3 scaled to 3");

        lifecycle.scale(projectId, 1, ownerId, false);

        await().atMost(SOON).until(() -> store.replicas(projectId).size() == 1
                && TestDocker.containersLabelled("paas.project", projectId.toString()).size() == 1);
        assertThat(directory.serving(slug)).hasSize(1);
        assertThat(caddy().get(host).status()).isEqualTo(200);
    }

    @Test
    void stopsAndStartsAgain() {
        deploy(TestImages.APP);

        lifecycle.stop(projectId, ownerId, false);

        await().atMost(SOON).until(() -> state() == AppState.STOPPED);
        assertThat(TestDocker.containersLabelled("paas.project", projectId.toString())).isEmpty();
        assertThat(directory.serving(slug)).isEmpty();
        assertThat(caddy().get(host).status()).as("nothing serves a stopped app").isGreaterThanOrEqualTo(500);

        lifecycle.start(projectId, ownerId, false);

        await().atMost(SOON).ignoreExceptions().until(() -> state() == AppState.RUNNING && caddy().get(host).status() == 200);
        assertThat(stateChanges()).containsSubsequence("STOPPED 0 stopped by its owner", "RUNNING 1 started");
    }

    @Test
    void restartsEveryReplicaOneAfterTheOtherWhileEveryRequestIsAnswered() throws Exception {
        deploy(TestImages.APP);
        lifecycle.scale(projectId, 2, ownerId, false);
        await().atMost(SOON).until(() -> serving().size() == 2 && directory.serving(slug).size() == 2);
        Set<String> before = Set.copyOf(serving());
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread traffic = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 20_000 && !stop.get(); i++) {
                TestHttp.Response response = caddy().get(host);
                answers.merge(Integer.toString(response.status()), 1, Integer::sum);
            }
        });

        lifecycle.restart(projectId, ownerId, false);

        await().atMost(SOON).until(() -> {
            List<String> now = serving();
            return now.size() == 2 && now.stream().noneMatch(before::contains)
                    && store.replicas(projectId).size() == 2;
        });
        stop.set(true);
        traffic.join(Duration.ofSeconds(10));
        assertThat(answers).as("every request answered 200 during the rolling restart").containsOnlyKeys("200");
    }

    @Test
    void restartsACrashedReplicaAndStopsAnAppThatKeepsCrashing() {
        deploy(TestImages.APP);
        String first = serving().getFirst();

        TestDocker.client().killContainerCmd(first).exec();

        await().atMost(SOON).ignoreExceptions().until(() -> serving().contains(first) && caddy().get(host).status() == 200);
        assertThat(restarts()).as("the same container started again").containsExactly(first);
        assertThat(subjects()).contains("paas.runtime.container-restarted.v1");

        long firstCrash = System.nanoTime();
        for (int crash = 2; state() != AppState.CRASH_LOOP && crash <= 6; crash++) {
            await().atMost(SOON).until(() -> state() == AppState.CRASH_LOOP || !serving().isEmpty());
            serving().forEach(id -> TestDocker.client().killContainerCmd(id).exec());
            await().atMost(SOON).until(() -> state() == AppState.CRASH_LOOP || serving().isEmpty());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> state() == AppState.CRASH_LOOP);
        System.out.printf("crash loop visible %d ms after the second crash%n",
                Duration.ofNanos(System.nanoTime() - firstCrash).toMillis());
        assertThat(store.app(projectId).orElseThrow().stateReason()).startsWith("crash loop: 5 restarts within 300 s");
        assertThat(subjects()).contains("paas.runtime.crash-loop-detected.v1");
        await().atMost(SOON).until(() -> TestDocker.containersLabelled("paas.project", projectId.toString())
                .isEmpty());
        assertThat(caddy().get(host).status()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void takesAReplicaThatStopsAnsweringOutOfTrafficAndRestartsIt() {
        deploy(TestImages.APP);
        String replica = serving().getFirst();

        TestDocker.client().pauseContainerCmd(replica).exec();

        await().atMost(SOON).until(() -> restarts().contains(replica));
        assertThat(jdbc.queryForObject("select reason from restarts where container_id = ?", String.class, replica))
                .startsWith("it failed its health check 3 times in a row");
        await().atMost(SOON).ignoreExceptions().until(() -> serving().contains(replica) && caddy().get(host).status() == 200);
    }

    @Test
    void declaresACrashLoopWhenTheFirstReleaseExitsAtEveryStart() {
        long started = System.nanoTime();
        UUID deploymentId = schedule(TestImages.CRASH);

        Release release = await().atMost(Duration.ofSeconds(60)).until(() -> releases.findById(deploymentId)
                .orElse(null), r -> r != null && r.status() == ReleaseStatus.FAILED);

        System.out.printf("first crash to CRASH_LOOP: %d ms%n", Duration.ofNanos(System.nanoTime() - started)
                .toMillis());
        assertThat(release.error()).startsWith("crash loop: the app exited 5 times");
        assertThat(state()).isEqualTo(AppState.CRASH_LOOP);
        assertThat(subjects()).contains("paas.runtime.crash-loop-detected.v1", "paas.runtime.app-state-changed.v1");
        assertThat(TestDocker.containersLabelled("paas.project", projectId.toString())).isEmpty();
    }

    @Test
    void endsAsACrashLoopWhenTheImageOfAVanishedReplicaIsGone() {
        String image = "paas-test/runtime-doomed:" + projectId.toString().substring(0, 8);
        TestDocker.client().tagImageCmd(TestImages.APP, image.substring(0, image.indexOf(':')),
                image.substring(image.indexOf(':') + 1)).exec();
        deploy(image);

        TestDocker.removeProjectContainers(projectId.toString());
        TestDocker.client().removeImageCmd(image).withForce(true).exec();

        await().atMost(SOON).until(() -> state() == AppState.CRASH_LOOP);
        assertThat(store.app(projectId).orElseThrow().stateReason()).contains("could not be started");
        assertThat(subjects()).contains("paas.runtime.crash-loop-detected.v1");
    }

    @Test
    void rollsAnEarlierDeploymentsImageOutAgainAsANewDeployment() {
        UUID first = deploy(TestImages.APP);
        UUID second = deploy(TestImages.APP);
        UUID rollback = UUID.randomUUID();

        rollouts.rollBack(rollback, projectId, ownerId, slug, first);

        await().atMost(SOON).until(() -> releases.findById(rollback).map(Release::status).orElse(null),
                status -> status == ReleaseStatus.RUNNING);
        assertThat(releases.findById(rollback).orElseThrow().imageTag()).isEqualTo(TestImages.APP);
        await().atMost(SOON).until(() -> releases.findById(second).map(Release::status).orElseThrow()
                == ReleaseStatus.REPLACED);
        assertThat(caddy().get(host).status()).isEqualTo(200);
        UUID unknown = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        rollouts.rollBack(refused, projectId, ownerId, slug, unknown);
        assertThat(releases.findById(refused).orElseThrow().error())
                .isEqualTo("deployment " + unknown + " never ran here, so there is no image to roll back to");
    }

    private UUID deploy(String image) {
        UUID deploymentId = schedule(image);
        await().atMost(SOON).until(() -> releases.findById(deploymentId).map(Release::status).orElse(null),
                status -> status == ReleaseStatus.RUNNING);
        await().atMost(SOON).ignoreExceptions().until(() -> caddy().get(host).status() == 200);
        return deploymentId;
    }

    private UUID schedule(String image) {
        UUID deploymentId = UUID.randomUUID();
        rollouts.schedule(deploymentId, projectId, ownerId, slug, image, 3000);
        return deploymentId;
    }

    private List<String> serving() {
        return store.replicas(projectId).stream()
                .filter(replica -> replica.status() == ReplicaRecord.Status.SERVING)
                .map(ReplicaRecord::containerId)
                .toList();
    }

    private AppState state() {
        return store.app(projectId).map(AppRecord::state).orElse(null);
    }

    private List<String> restarts() {
        return jdbc.queryForList("select container_id from restarts where project_id = ? order by id", String.class,
                projectId);
    }

    private List<String> subjects() {
        return jdbc.queryForList("select subject from outbox_event where aggregate_id = ? order by occurred_at, id",
                String.class, projectId.toString());
    }

    private List<String> stateChanges() {
        return jdbc.queryForList("""
                select envelope::jsonb #>> '{payload,state}' || ' ' || (envelope::jsonb #>> '{payload,instances}')
                       || ' ' || (envelope::jsonb #>> '{payload,reason}')
                from outbox_event where aggregate_id = ? and subject = 'paas.runtime.app-state-changed.v1'
                order by occurred_at, id""", String.class, projectId.toString());
    }
}
