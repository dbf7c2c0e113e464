package dev.paas.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerUnavailable;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestHttp;
import dev.paas.runtime.testing.TestImages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link AppContainers} against the real Docker engine, with images built locally for the test. */
class AppContainersIT {

    private static DockerClient docker;
    private static AppContainers containers;
    private final UUID projectId = UUID.randomUUID();
    private final String slug = "it-" + projectId.toString().substring(0, 6);
    private final ContainerLimits limits = ContainerLimits.of(256L << 20, 0.5, 128);

    @BeforeAll
    static void buildImages() {
        docker = TestDocker.client();
        System.out.println("test images: " + TestImages.ensureBuilt(docker));
        DockerCalls calls = new DockerCalls(CircuitBreaker.ofDefaults("docker"),
                Retry.of("docker", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100))
                        .retryExceptions(DockerUnavailable.class).build()),
                TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build()));
        containers = new AppContainers(docker, calls, Duration.ofSeconds(2), 10080);
    }

    @AfterEach
    void removeContainers() {
        TestDocker.removeProjectContainers(projectId.toString());
    }

    @Test
    void runsAnAppLimitedUnprivilegedAndPublishedOnLoopbackOnly() {
        UUID deploymentId = UUID.randomUUID();
        long started = System.nanoTime();

        StartedContainer container = containers.start(spec(deploymentId, TestImages.APP));

        TestHttp.Response answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> TestHttp.get(container.ip(), container.hostPort(), "localhost", "/"),
                        response -> response.status() == 200);
        System.out.printf("container start to first 200: %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(answer.body()).isEqualTo("hello from " + container.id().substring(0, 12));
        assertThat(container.name()).isEqualTo(ContainerSpec.appContainerName(slug, deploymentId));

        InspectContainerResponse inspected = docker.inspectContainerCmd(container.id()).exec();
        HostConfig host = inspected.getHostConfig();
        assertThat(host.getMemory()).isEqualTo(256L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(128L);
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getRestartPolicy().getName()).as("runtime-service restarts it, with back-off").isIn("", "no");
        assertThat(inspected.getConfig().getEnv()).contains("PORT=3000");
        assertThat(inspected.getConfig().getLabels()).containsEntry("paas.managed", "true")
                .containsEntry("paas.project", projectId.toString())
                .containsEntry("paas.deployment", deploymentId.toString());
        Ports.Binding[] bindings = inspected.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(3000));
        assertThat(bindings).hasSize(1);
        assertThat(bindings[0].getHostIp()).isEqualTo(container.ip()).startsWith("127.");
        assertThat(bindings[0].getHostPortSpec()).isEqualTo(String.valueOf(container.hostPort()));

        containers.stopAndRemove(container.id());
        assertThat(containers.state(container.id()).exists()).isFalse();
        containers.stopAndRemove(container.id());
    }

    @Test
    void showsExitCodeAndLastLogLinesOfACrashedApp() {
        StartedContainer container = containers.start(spec(UUID.randomUUID(), TestImages.CRASH));

        ContainerState state = await().atMost(Duration.ofSeconds(30)).until(() -> containers.state(container.id()),
                current -> !current.running());

        assertThat(state.exitCode()).isEqualTo(1);
        assertThat(state.status()).isEqualTo("exited");
        assertThat(String.join("\n", containers.lastLogLines(container.id(), 20))).contains(TestImages.CRASH_MARKER);
    }

    @Test
    void leavesNothingBehindWhenTheImageDoesNotExist() {
        UUID deploymentId = UUID.randomUUID();

        assertThatThrownBy(() -> containers.start(spec(deploymentId, "paas-test/no-such-image:1")))
                .isInstanceOf(ContainerStartFailed.class)
                .hasMessageContaining("could not be created")
                .hasMessageContaining("no-such-image");
        assertThat(containers.containersOf(deploymentId.toString())).isEmpty();
    }

    @Test
    void replacesALeftoverContainerOfTheSameDeployment() {
        UUID deploymentId = UUID.randomUUID();
        StartedContainer leftover = containers.start(spec(deploymentId, TestImages.APP));

        StartedContainer again = containers.start(spec(deploymentId, TestImages.APP));

        assertThat(again.id()).isNotEqualTo(leftover.id());
        assertThat(again.name()).isEqualTo(leftover.name());
        assertThat(containers.state(leftover.id()).exists()).isFalse();
        assertThat(containers.containersOf(deploymentId.toString())).containsExactly(again.id());
    }

    @Test
    void namesTheContainerByTheFullDeploymentIdWhenAnotherDeploymentHoldsTheShortName() {
        // UUIDv7 ids made within about a minute share their first 8 characters
        UUID first = UUID.fromString("0192f0a1-0000-7000-8000-" + projectId.toString().substring(24));
        UUID second = UUID.fromString("0192f0a1-0001-7000-8000-" + projectId.toString().substring(24));
        StartedContainer running = containers.start(spec(first, TestImages.APP));

        StartedContainer next = containers.start(spec(second, TestImages.APP));

        assertThat(running.name()).isEqualTo("paas-app-" + slug + "-0192f0a1");
        assertThat(next.name()).isEqualTo("paas-app-" + slug + "-" + second);
        assertThat(containers.state(running.id()).running()).isTrue();
        assertThat(containers.state(next.id()).running()).isTrue();
    }

    private ContainerSpec spec(UUID deploymentId, String image) {
        return ContainerSpec.forApp(slug, projectId, deploymentId, image, 3000, limits);
    }
}
