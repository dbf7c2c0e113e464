package dev.paas.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.paas.docker.DockerCalls;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestImages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ContainerSockets} reading real containers' socket tables, from the host's /proc and through exec. */
class ContainerSocketsIT {

    private static final Duration LISTENING = Duration.ofSeconds(20);

    private static DockerClient docker;
    private static DockerCalls calls;
    private static AppContainers containers;
    private static String flavour;
    private final UUID projectId = UUID.randomUUID();
    private Path fakeProc;

    @BeforeAll
    static void buildImages() {
        docker = TestDocker.client();
        flavour = TestImages.ensureBuilt(docker);
        calls = new DockerCalls(CircuitBreaker.ofDefaults("docker"), Retry.ofDefaults("docker"),
                TimeLimiter.of(Duration.ofSeconds(30)));
        containers = new AppContainers(docker, calls, Duration.ofSeconds(2), 10080);
    }

    @AfterEach
    void cleanUp() throws IOException {
        TestDocker.removeProjectContainers(projectId.toString());
        if (fakeProc != null) {
            try (Stream<Path> paths = Files.walk(fakeProc)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void readsTheSocketsOfAContainerFromTheHostsProc() {
        ContainerSockets sockets = new ContainerSockets(docker, calls, Path.of("/proc"));
        StartedContainer loopback = start(TestImages.LOOPBACK);
        StartedContainer otherPort = start(TestImages.OTHER_PORT);

        assertThat(awaitListening(sockets, loopback)).containsExactly("127.0.0.1:3000");
        assertThat(awaitListening(sockets, otherPort)).singleElement().asString().matches("(0\\.0\\.0\\.0|\\[::\\]):8080");
    }

    @Test
    void seesThatAContainerOpenedNoPort() {
        ContainerSockets sockets = new ContainerSockets(docker, calls, Path.of("/proc"));
        StartedContainer silent = start(TestImages.SILENT);
        await().atMost(LISTENING).until(() -> containers.lastLogLines(silent.id(), 20).stream()
                .anyMatch(line -> line.contains(TestImages.SILENT_MARKER)));

        assertThat(sockets.listening(silent.id())).contains(List.of());
    }

    @Test
    void distrustsAPidWhoseCgroupIsNotTheContainersAndAsksInsideInstead() throws IOException {
        StartedContainer loopback = start(TestImages.LOOPBACK);
        assertThat(awaitListening(new ContainerSockets(docker, calls, Path.of("/proc")), loopback))
                .containsExactly("127.0.0.1:3000");
        // what runtime-service in a container of its own would see under the container's pid: its own process
        long pid = docker.inspectContainerCmd(loopback.id()).exec().getState().getPidLong();
        fakeProc = Files.createTempDirectory("fake-proc");
        Path process = Files.createDirectories(fakeProc.resolve(Long.toString(pid)).resolve("net")).getParent();
        Files.writeString(process.resolve("cgroup"), "0::/\n");
        Files.writeString(process.resolve("net/tcp"), """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000:1F92 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1
                """);

        Optional<List<ListeningSocket>> seen = new ContainerSockets(docker, calls, fakeProc).listening(loopback.id());

        if ("node".equals(flavour)) {
            assertThat(seen.orElseThrow()).as("read by docker exec cat").map(ListeningSocket::toString)
                    .containsExactly("127.0.0.1:3000");
        } else {
            assertThat(seen).as("the stand-in image has no cat: unknown").isEmpty();
        }
    }

    private StartedContainer start(String image) {
        return containers.start(ContainerSpec.forApp("it-" + projectId.toString().substring(0, 6), projectId,
                UUID.randomUUID(), image, 3000, ContainerLimits.of(128L << 20, 0.5, 64)));
    }

    private static List<String> awaitListening(ContainerSockets sockets, StartedContainer container) {
        return await().atMost(LISTENING).pollInterval(Duration.ofMillis(100))
                .until(() -> sockets.listening(container.id()).orElseThrow().stream()
                        .map(ListeningSocket::toString).toList(), seen -> !seen.isEmpty());
    }
}
