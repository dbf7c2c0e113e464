package dev.paas.metrics.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import dev.paas.testing.ServiceComponentTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/** The sampler reads real containers labelled like the platform's through the Docker engine. */
@ServiceComponentTest(database = "paas_metrics_test", properties = {
        "paas.metrics.containers.sampling=true", "paas.metrics.containers.interval=2s",
        "paas.metrics.containers.stats-timeout=8s"})
@Import(ContainerSamplingIT.Passes.class)
class ContainerSamplingIT {

    private static final DockerClient DOCKER = DockerClients.create(DockerClientProperties.fromEnvironment());
    private static final List<String> STARTED = new ArrayList<>();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID DEPLOYMENT = UUID.randomUUID();
    private static final UUID DATABASE = UUID.randomUUID();
    private static final long MEMORY_LIMIT = 64L << 20;

    @Autowired
    ContainerUsage usage;

    @Autowired
    Passes passes;

    @BeforeAll
    static void startContainers() {
        for (int instance = 0; instance < 2; instance++) {
            start(Map.of("paas.managed", "true", "paas.project", PROJECT.toString(),
                    "paas.deployment", DEPLOYMENT.toString(), "paas.instance", String.valueOf(instance),
                    "paas.owner", OWNER.toString()));
        }
        start(Map.of("paas.managed", "database", "paas.database-id", DATABASE.toString(),
                "paas.owner-id", OWNER.toString(), "paas.database-role", "scratch"));
    }

    @AfterAll
    static void removeContainers() throws Exception {
        for (String id : STARTED) {
            DOCKER.removeContainerCmd(id).withForce(true).exec();
        }
        DOCKER.close();
    }

    @Test
    void samplesEveryReplicaWithItsLimitsButNotScratchDatabases() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ours()).hasSize(2));

        for (ContainerSample sample : ours()) {
            assertThat(sample.kind()).isEqualTo(ContainerKind.APP);
            assertThat(sample.deploymentId()).isEqualTo(DEPLOYMENT);
            assertThat(sample.ownerId()).isEqualTo(OWNER);
            assertThat(sample.status()).isEqualTo("running");
            assertThat(sample.startedAt()).isNotNull().isBefore(sample.sampledAt());
            assertThat(sample.memoryLimitBytes()).isEqualTo(MEMORY_LIMIT);
            assertThat(sample.memoryBytes()).isPositive().isLessThan(MEMORY_LIMIT / 4);
            assertThat(sample.cpuPercentOfLimit()).isBetween(0.0, 100.0);
            assertThat(sample.cpuPercentOfHost()).isBetween(0.0, sample.cpuPercentOfLimit() + 1e-9);
            assertThat(sample.restartCount()).isZero();
        }
        assertThat(ours()).extracting(ContainerSample::instance).containsExactlyInAnyOrder(0, 1);
        assertThat(usage.latest()).noneMatch(sample -> STARTED.get(2).equals(sample.containerId()));
        Optional<ContainersSampled> pass = passes.received.stream()
                .filter(event -> event.samples().stream().anyMatch(s -> PROJECT.equals(s.projectId())))
                .findFirst();
        assertThat(pass).isPresent();
    }

    private List<ContainerSample> ours() {
        return usage.latest().stream().filter(sample -> PROJECT.equals(sample.projectId())).toList();
    }

    private static void start(Map<String, String> labels) {
        String id = DOCKER.createContainerCmd("paas/base:bookworm")
                .withName("paas-metrics-it-" + UUID.randomUUID())
                .withLabels(labels)
                .withCmd("sleep", "600")
                .withHostConfig(HostConfig.newHostConfig().withMemory(MEMORY_LIMIT).withNanoCPUs(500_000_000L))
                .exec()
                .getId();
        STARTED.add(id);
        DOCKER.startContainerCmd(id).exec();
    }

    /** Collects the passes the sampler publishes. */
    @TestConfiguration
    static class Passes {

        final List<ContainersSampled> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ContainersSampled pass) {
            received.add(pass);
        }
    }
}
