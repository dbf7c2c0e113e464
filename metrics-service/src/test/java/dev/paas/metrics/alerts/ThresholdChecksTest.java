package dev.paas.metrics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.metrics.capacity.HostSample;
import dev.paas.metrics.containers.ContainerKind;
import dev.paas.metrics.containers.ContainerSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evaluation of one sample against the rules in force, without storage. */
class ThresholdChecksTest {

    private static final long MB = 1024 * 1024;
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final AlertRule memory = new AlertRule(null, AlertRule.DEFAULT, null, AlertMetric.MEMORY, 90,
            Duration.ofMinutes(5), null);
    private final AlertRule cpu = new AlertRule(null, AlertRule.DEFAULT, null, AlertMetric.CPU, 90,
            Duration.ofMinutes(5), null);

    @Test
    void aContainerAtNinetyFourPercentOfItsMemoryLimitMeetsTheMemoryRuleButNotTheCpuRule() {
        List<ThresholdChecks.Check> checks = ThresholdChecks.of(sample(30 * MB, 32 * MB, 12.0), List.of(memory, cpu));

        ThresholdChecks.Check memoryCheck = checks.stream().filter(c -> c.rule() == memory).findFirst().orElseThrow();
        ThresholdChecks.Check cpuCheck = checks.stream().filter(c -> c.rule() == cpu).findFirst().orElseThrow();
        assertThat(memoryCheck.holds()).isTrue();
        assertThat(memoryCheck.key()).isEqualTo("CONTAINER_MEMORY/memory/c1");
        assertThat(memoryCheck.openMessage()).isEqualTo("memory at 94 % of its 32 MB limit for 5 minutes (threshold 90 %)");
        assertThat(cpuCheck.holds()).isFalse();
        assertThat(cpuCheck.clearedReason()).isEqualTo("CPU at 12 % of its limit");
    }

    @Test
    void theThresholdItselfCounts() {
        assertThat(ThresholdChecks.of(sample(90 * MB, 100 * MB, 0), List.of(memory)).getFirst().holds()).isTrue();
        assertThat(ThresholdChecks.of(sample(89 * MB, 100 * MB, 0), List.of(memory)).getFirst().holds()).isFalse();
    }

    @Test
    void opensOnlyOnceTheConditionHeldForTheRulesDuration() {
        ThresholdChecks.Check check = ThresholdChecks.of(sample(31 * MB, 32 * MB, 0), List.of(memory)).getFirst();

        assertThat(check.heldLongEnough(AT, AT)).isFalse();
        assertThat(check.heldLongEnough(AT, AT.plus(Duration.ofMinutes(4)).plusSeconds(59))).isFalse();
        assertThat(check.heldLongEnough(AT, AT.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void aProjectRuleHasAKeyOfItsOwnBesideThePlatformRule() {
        UUID ruleId = UUID.randomUUID();
        AlertRule own = new AlertRule(ruleId, AlertRule.PROJECT, UUID.randomUUID(), AlertMetric.MEMORY, 70,
                Duration.ofMinutes(1), AT);

        List<String> keys = ThresholdChecks.of(sample(25 * MB, 32 * MB, 0), List.of(own, memory)).stream()
                .map(ThresholdChecks.Check::key).toList();

        assertThat(keys).containsExactly("CONTAINER_MEMORY/memory/c1", "CONTAINER_MEMORY/rule-" + ruleId + "/c1");
        assertThat(own.severity()).isEqualTo("WARNING");
        assertThat(memory.severity()).isEqualTo("CRITICAL");
    }

    @Test
    void checksTheHostsCpuMemoryAndDisk() {
        List<AlertRule> hostRules = List.of(
                new AlertRule(null, AlertRule.DEFAULT, null, AlertMetric.HOST_CPU, 85, Duration.ZERO, null),
                new AlertRule(null, AlertRule.DEFAULT, null, AlertMetric.HOST_MEMORY, 85, Duration.ZERO, null),
                new AlertRule(null, AlertRule.DEFAULT, null, AlertMetric.HOST_DISK, 85, Duration.ZERO, null));
        HostSample host = new HostSample("node1", AT, 2, 40, 100 * MB, 91 * MB, 1000 * MB, 100 * MB);

        List<ThresholdChecks.Check> checks = ThresholdChecks.of(host, hostRules);

        assertThat(checks).extracting(ThresholdChecks.Check::key).containsExactly("HOST_CPU/host-cpu/host:node1",
                "HOST_DISK/host-disk/host:node1", "HOST_MEMORY/host-memory/host:node1");
        assertThat(checks).extracting(ThresholdChecks.Check::holds).containsExactly(false, false, true);
        assertThat(checks.get(2).openMessage()).startsWith("host node1 memory at 91 % of 100 MB");
    }

    @Test
    void describesDurationsInWholeUnits() {
        assertThat(ThresholdChecks.describe(Duration.ofSeconds(3))).isEqualTo("3 seconds");
        assertThat(ThresholdChecks.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(ThresholdChecks.describe(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(ThresholdChecks.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }

    private static ContainerSample sample(long memory, long limit, double cpu) {
        return new ContainerSample("c1", ContainerKind.APP, UUID.randomUUID(), UUID.randomUUID(), 0, null,
                UUID.randomUUID(), "running", AT, AT, cpu, cpu / 2, memory, limit, 0, 0, 0, 0, 0);
    }
}
