package dev.paas.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {

    private static final ContainerLimits LIMITS = ContainerLimits.of(512L << 20, 0.5, 256);

    @Test
    void namesAndLabelsAppContainersAsTheConventionsSay() {
        UUID projectId = UUID.fromString("0192f0a0-0000-7000-8000-000000000001");
        UUID deploymentId = UUID.fromString("0192f0a1-b2c3-7d4e-8f00-000000000002");

        ContainerSpec spec = ContainerSpec.forApp("shop", projectId, deploymentId, "paas-app/shop:x", 3000, LIMITS);

        assertThat(spec.name()).isEqualTo("paas-app-shop-0192f0a1");
        assertThat(spec.labels()).isEqualTo(Map.of("paas.managed", "true", "paas.project", projectId.toString(),
                "paas.deployment", deploymentId.toString()));
        assertThat(spec.withFullDeploymentId().name()).isEqualTo("paas-app-shop-" + deploymentId);
    }

    @Test
    void readsMemorySizesInDockerNotation() {
        assertThat(ContainerLimits.parseMemory("512m")).isEqualTo(512L * 1024 * 1024);
        assertThat(ContainerLimits.parseMemory("1g")).isEqualTo(1024L * 1024 * 1024);
        assertThat(ContainerLimits.parseMemory("64MB")).isEqualTo(64L * 1024 * 1024);
        assertThat(ContainerLimits.parseMemory("2048k")).isEqualTo(2048L * 1024);
        assertThat(ContainerLimits.parseMemory("10000000")).isEqualTo(10_000_000L);
        assertThatThrownBy(() -> ContainerLimits.parseMemory("lots")).hasMessageContaining("'lots'");
    }

    @Test
    void turnsCpusIntoNanoCpus() {
        assertThat(LIMITS.nanoCpus()).isEqualTo(500_000_000L);
        assertThat(ContainerLimits.of(1 << 30, 1.25, 1).nanoCpus()).isEqualTo(1_250_000_000L);
    }

    @Test
    void refusesLimitsDockerWouldReject() {
        assertThatThrownBy(() -> ContainerLimits.of(1024, 0.5, 10)).hasMessageContaining("memory limit");
        assertThatThrownBy(() -> ContainerLimits.of(1L << 30, 0, 10)).hasMessageContaining("CPU limit");
    }
}
