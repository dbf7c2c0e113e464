package dev.paas.build.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.paas.build.BuildFailure;
import dev.paas.build.limits.BuildCgroups;
import dev.paas.build.limits.LimitsProperties;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Build limits against the real engine (cgroupfs driver), on the local {@code paas/base:bookworm}: a step sees its
 * memory and CPU limits, and a fork bomb is stopped by the build's process limit while the host and a build next to
 * it carry on. The builds use a cgroup parent of their own, so no other build on the machine is affected.
 */
class BuildLimitsIT {

    private static final String PARENT = "paas-build-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final LimitsProperties LIMITS = new LimitsProperties(DataSize.ofMegabytes(256), 0.5, 64,
            Path.of("/sys/fs/cgroup"), PARENT, Duration.ofSeconds(1));

    private static DockerClient docker;
    private static BuildCgroups cgroups;
    private static DockerImages images;

    @TempDir
    Path context;

    @TempDir
    Path neighbourContext;

    private final List<String> tags = new ArrayList<>();

    @BeforeAll
    static void connect() {
        docker = DockerClients.create(DockerClientProperties.fromEnvironment()
                .withResponseTimeout(Duration.ofMinutes(5)));
        cgroups = new BuildCgroups(LIMITS);
        images = new DockerImages(docker, new DockerCalls(CircuitBreaker.ofDefaults("docker"),
                Retry.ofDefaults("docker"), TimeLimiter.of(Duration.ofSeconds(30))), Duration.ofMinutes(3), LIMITS,
                cgroups);
    }

    @AfterAll
    static void disconnect() throws Exception {
        // The engine creates the builds' parent in every hierarchy; each build removed its own cgroup below it.
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.filter(Files::isDirectory).toList()) {
                Files.deleteIfExists(hierarchy.resolve(PARENT));
            }
        }
        docker.close();
    }

    @AfterEach
    void removeImages() {
        tags.forEach(images::remove);
    }

    @Test
    void aBuildStepSeesItsMemoryAndCpuLimits() throws Exception {
        assertThat(cgroups.enforced()).as("the pids controller is writable here").isTrue();
        Files.writeString(context.resolve("Dockerfile"), """
                FROM paas/base:bookworm
                RUN echo %s; \\
                    echo "memory limit: $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max)"; \\
                    echo "cpu quota: $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us 2>/dev/null || cut -d' ' -f1 /sys/fs/cgroup/cpu.max)"
                """.formatted(UUID.randomUUID()));
        List<String> log = Collections.synchronizedList(new ArrayList<>());

        images.build(request(context), log::add);

        assertThat(log).contains("memory limit: " + DataSize.ofMegabytes(256).toBytes(), "cpu quota: 50000")
                .anyMatch(line -> line.matches("==> \\d+ of \\d+ steps from cache"));
        assertNoBuildCgroupsLeft();
    }

    @Test
    void aForkBombFailsItsBuildAndLeavesTheHostAndTheNeighbouringBuildAlone() throws Exception {
        // Bounded even without a limit: a binary tree of depth 10 (2047 shells) whose leaves sleep 60 s, under timeout.
        Files.writeString(context.resolve("Dockerfile"), """
                FROM paas/base:bookworm
                RUN echo %s; timeout 90 sh -c 'b() { if [ "$1" -gt 0 ]; then b $(($1 - 1)) & b $(($1 - 1)) & wait; else sleep 60; fi; }; b 10'
                """.formatted(UUID.randomUUID()));
        Files.writeString(neighbourContext.resolve("Dockerfile"), """
                FROM paas/base:bookworm
                RUN echo %s; for i in 1 2 3 4 5 6 7 8; do sleep 3 & done; wait; echo "neighbour done"
                """.formatted(UUID.randomUUID()));
        List<String> bombLog = Collections.synchronizedList(new ArrayList<>());
        List<String> neighbourLog = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> bombFailure = new AtomicReference<>();

        long started = System.nanoTime();
        CompletableFuture<Void> bomb = CompletableFuture.runAsync(() -> {
            try {
                images.build(request(context), bombLog::add);
            } catch (Throwable e) {
                bombFailure.set(e);
            }
        });
        BuiltImage neighbour = images.build(request(neighbourContext), neighbourLog::add);
        bomb.get(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(bombFailure.get()).isInstanceOf(BuildFailure.class).hasMessage("image build stopped: it tried to"
                + " run more than 64 processes at once (paas.build.limits.pids), as a fork bomb does");
        assertThat(seconds).as("stopped at once, not after its leaves slept 60 s").isLessThan(45);
        assertThat(neighbour.tag()).isNotNull();
        assertThat(neighbourLog).contains("neighbour done");
        Process host = new ProcessBuilder("sh", "-c", "for i in $(seq 1 50); do true & done; wait").start();
        assertThat(host.waitFor(10, TimeUnit.SECONDS)).as("the host still forks").isTrue();
        assertThat(host.exitValue()).isZero();
        String bombContainer = runningIn(bombLog);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThatThrownBy(
                () -> docker.inspectContainerCmd(bombContainer).exec()).isInstanceOf(NotFoundException.class));
        assertNoBuildCgroupsLeft();
    }

    private void assertNoBuildCgroupsLeft() throws Exception {
        try (Stream<Path> left = Files.list(Path.of("/sys/fs/cgroup/pids", PARENT))) {
            assertThat(left.filter(Files::isDirectory)).isEmpty();
        }
    }

    private static String runningIn(List<String> log) {
        return List.copyOf(log).stream().filter(line -> line.startsWith(" ---> Running in ")).findFirst()
                .map(line -> line.substring(" ---> Running in ".length()))
                .orElseThrow(() -> new AssertionError("no step container in " + log));
    }

    private ImageBuildRequest request(Path directory) {
        String tag = "paas-app/limits-it:" + UUID.randomUUID();
        tags.add(tag);
        return new ImageBuildRequest(directory, directory.resolve("Dockerfile"), tag,
                Map.of("paas.managed", "true"));
    }

}
