package dev.paas.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Owners' networks on the real Docker engine: named after the owner, labelled, a /26 of 10.112.0.0/12 each. */
class OwnerNetworksIT {

    private final DockerClient docker = DockerClients.create(DockerClientProperties.fromEnvironment());
    private final OwnerNetworks networks = new OwnerNetworks(docker, new DockerCalls(
            CircuitBreaker.ofDefaults("docker"), Retry.ofDefaults("docker"), TimeLimiter.ofDefaults("docker")));
    private final UUID owner = UUID.randomUUID();
    private String container;

    @AfterEach
    void removeNetwork() {
        if (container != null) {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        String name = OwnerNetworks.networkOf(owner);
        for (Network network : docker.listNetworksCmd().withNameFilter(name).exec()) {
            if (name.equals(network.getName())) {
                try {
                    docker.removeNetworkCmd(network.getId()).exec();
                } catch (NotFoundException gone) {
                    // removed by the test
                }
            }
        }
    }

    @Test
    void namesTheNetworkAfterTheOwner() {
        assertThat(OwnerNetworks.networkOf(UUID.fromString("0192f0a1-2b3c-7d4e-8f00-123456789abc")))
                .isEqualTo("paas-user-0192f0a12b3c");
        assertThat(OwnerNetworks.networkOf(null)).isEqualTo("paas-user-shared");
    }

    @Test
    void createsTheNetworkOnceWithItsOwnSubnetAndLabels() {
        String first = networks.ensure(owner);
        String again = networks.ensure(owner);

        assertThat(first).isEqualTo(again).isEqualTo(OwnerNetworks.networkOf(owner));
        List<Network> found = docker.listNetworksCmd().withNameFilter(first).exec().stream()
                .filter(network -> first.equals(network.getName())).toList();
        assertThat(found).singleElement().satisfies(network -> {
            assertThat(network.getLabels()).containsEntry("paas.managed", "true")
                    .containsEntry("paas.owner", owner.toString());
            assertThat(network.getIpam().getConfig()).singleElement().satisfies(config -> assertThat(
                    config.getSubnet()).matches("10\\.(11[2-9]|12[0-7])\\.\\d+\\.\\d+/26"));
        });
    }

    @Test
    void manyCallersAtOnceGetOneNetwork() throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> networks.ensure(owner)));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(OwnerNetworks.networkOf(owner));
            }
        }
        assertThat(named(OwnerNetworks.networkOf(owner))).hasSize(1);
    }

    @Test
    void aDuplicateCreatedByAnotherProcessIsRemovedAndTheOldestKept() {
        String name = OwnerNetworks.networkOf(owner);
        // what a racing runtime-service and database-service can leave: two networks of one name
        String one = docker.createNetworkCmd().withName(name).withDriver("bridge")
                .withLabels(java.util.Map.of("paas.managed", "true")).exec().getId();
        String two = docker.createNetworkCmd().withName(name).withDriver("bridge")
                .withLabels(java.util.Map.of("paas.managed", "true")).exec().getId();
        String kept = one.compareTo(two) < 0 ? one : two;

        assertThat(networks.ensure(owner)).isEqualTo(name);

        assertThat(named(name)).singleElement().extracting(Network::getId).isEqualTo(kept);
    }

    private List<Network> named(String name) {
        return docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(network -> name.equals(network.getName())).toList();
    }

    @Test
    void removesTheNetworkOnlyWhenNoRunningContainerUsesIt() {
        String name = networks.ensure(owner);
        container = docker.createContainerCmd("paas/base:bookworm").withCmd("sleep", "60")
                .withLabels(java.util.Map.of("paas.test", "owner-networks"))
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode(name))
                .exec().getId();
        docker.startContainerCmd(container).exec();

        networks.removeIfUnused(owner);
        assertThat(docker.inspectNetworkCmd().withNetworkId(name).exec().getName()).isEqualTo(name);

        docker.removeContainerCmd(container).withForce(true).exec();
        container = null;
        networks.removeIfUnused(owner);
        networks.removeIfUnused(owner);
        assertThat(docker.listNetworksCmd().withNameFilter(name).exec())
                .noneMatch(network -> name.equals(network.getName()));
    }
}
