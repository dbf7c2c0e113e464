package dev.paas.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerUnavailable;
import dev.paas.runtime.testing.TestDocker;
import dev.paas.runtime.testing.TestHttp;
import dev.paas.runtime.testing.TestShellImage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * App containers of different owners cannot reach each other, nor the platform's services on the host, nor the
 * Docker engine, and run with few privileges; containers of the same owner reach each other (which shows the probes
 * could succeed). Probes are a handful of bounded connection attempts from inside a container, on the project's own
 * Docker networks.
 */
class IsolationIT {

    private static final int APP_PORT = 3000;
    private static final int[] PLATFORM_PORTS = {5432, 4222, 8084, 2019};

    private static DockerClient docker;
    private static AppContainers containers;
    private final UUID projectId = UUID.randomUUID();
    private final UUID ownerA = UUID.randomUUID();
    private final UUID ownerB = UUID.randomUUID();
    private final ContainerLimits limits = ContainerLimits.of(128L << 20, 0.5, 64);

    @BeforeAll
    static void buildImage() {
        docker = TestDocker.client();
        TestShellImage.ensureBuilt(docker);
        DockerCalls calls = new DockerCalls(CircuitBreaker.ofDefaults("docker"),
                Retry.of("docker", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100))
                        .retryExceptions(DockerUnavailable.class).build()),
                TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build()));
        containers = new AppContainers(docker, calls, Duration.ofSeconds(1), 10080);
    }

    @AfterEach
    void removeContainersAndNetworks() {
        TestDocker.removeProjectContainers(projectId.toString());
        for (UUID owner : new UUID[] {ownerA, ownerB}) {
            try {
                docker.removeNetworkCmd(AppContainers.networkOf(owner)).exec();
            } catch (NotFoundException e) {
                // never created
            }
        }
    }

    @Test
    void containersOfOneOwnerReachOnlyEachOther() {
        StartedContainer a = start("a", ownerA);
        StartedContainer sameOwner = start("a2", ownerA);
        StartedContainer otherOwner = start("b", ownerB);
        String networkA = AppContainers.networkOf(ownerA);
        String networkB = AppContainers.networkOf(ownerB);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> TestHttp.get(a.ip(), a.hostPort(), "localhost", "/").status() == 200);
        InspectContainerResponse inspectedA = docker.inspectContainerCmd(a.id()).exec();
        assertThat(inspectedA.getNetworkSettings().getNetworks()).as("A's container is on A's network only")
                .containsOnlyKeys(networkA);
        String sameOwnerIp = ipOn(sameOwner, networkA);
        String otherOwnerIp = ipOn(otherOwner, networkB);
        String gateway = docker.inspectNetworkCmd().withNetworkId(networkA).exec().getIpam().getConfig().getFirst()
                .getGateway();

        assertThat(connects(a, sameOwnerIp, APP_PORT)).as("same owner's container at %s", sameOwnerIp).isTrue();
        assertThat(connects(a, otherOwnerIp, APP_PORT)).as("other owner's container at %s", otherOwnerIp)
                .isFalse();
        for (int port : PLATFORM_PORTS) {
            assertThat(connects(a, gateway, port)).as("host port %d through the gateway %s", port, gateway)
                    .isFalse();
        }
        assertThat(TestShellImage.exec(docker, a.id(), "bash", "-c",
                "test -e /var/run/docker.sock || test -e /run/docker.sock")).as("Docker socket inside").isNotZero();
    }

    @Test
    void runsWithFewPrivilegesLimitsAndRotatedLogs() {
        StartedContainer a = start("a", ownerA);

        HostConfig host = docker.inspectContainerCmd(a.id()).exec().getHostConfig();

        assertThat(host.getCapDrop()).extracting(Enum::name).containsExactly("ALL");
        assertThat(host.getCapAdd()).extracting(Enum::name).containsExactlyInAnyOrder("CHOWN", "DAC_OVERRIDE",
                "FOWNER", "SETGID", "SETUID", "NET_BIND_SERVICE", "KILL");
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getPidsLimit()).isEqualTo(64L);
        assertThat(host.getMemory()).isEqualTo(128L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(128L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getNetworkMode()).isEqualTo(AppContainers.networkOf(ownerA));
        assertThat(host.getLogConfig().getType()).hasToString("json-file");
        assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "10m").containsEntry("max-file", "3");
        assertThat(host.getReadonlyRootfs()).as("apps write to /tmp").isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void namesNetworksByOwnerAndCreatesThemOnce() {
        assertThat(AppContainers.networkOf(UUID.fromString("0192f0a1-2b3c-7d4e-8f00-123456789abc")))
                .isEqualTo("paas-user-0192f0a12b3c");
        assertThat(AppContainers.networkOf(null)).isEqualTo("paas-user-shared");

        String first = containers.ensureNetwork(ownerA);
        String again = containers.ensureNetwork(ownerA);

        assertThat(again).isEqualTo(first);
        assertThat(docker.listNetworksCmd().withNameFilter(first).exec()).filteredOn(n -> n.getName().equals(first))
                .singleElement()
                .satisfies(network -> assertThat(network.getLabels()).containsEntry("paas.managed", "true")
                        .containsEntry("paas.owner", ownerA.toString()));
    }

    private StartedContainer start(String suffix, UUID owner) {
        ContainerSpec spec = ContainerSpec.forApp("iso-" + suffix + "-" + projectId.toString().substring(0, 6),
                projectId, UUID.randomUUID(), owner, TestShellImage.SHELL, APP_PORT, limits);
        return containers.start(spec);
    }

    private static String ipOn(StartedContainer container, String network) {
        Map<String, com.github.dockerjava.api.model.ContainerNetwork> networks = docker
                .inspectContainerCmd(container.id()).exec().getNetworkSettings().getNetworks();
        assertThat(networks).containsKey(network);
        return networks.get(network).getIpAddress();
    }

    /** One connection attempt of at most 2 s from inside {@code from}, with bash's /dev/tcp. */
    private static boolean connects(StartedContainer from, String ip, int port) {
        return TestShellImage.exec(docker, from.id(), "timeout", "2", "bash", "-c",
                "exec 3<>/dev/tcp/" + ip + "/" + port) == 0;
    }
}
