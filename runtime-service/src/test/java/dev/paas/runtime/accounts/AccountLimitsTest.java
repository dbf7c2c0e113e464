package dev.paas.runtime.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a plan caps what an app runs with. */
class AccountLimitsTest {

    private final AccountLimits free = new AccountLimits(UUID.randomUUID(), "free", 500, 512, 1, List.of());

    @Test
    void anAppWithoutSettingsOfItsOwnRunsWithThePlans() {
        assertThat(free.memoryMbFor(null)).isEqualTo(512);
        assertThat(free.cpuMillisFor(null)).isEqualTo(500);
    }

    @Test
    void settingsAboveThePlanAreCappedAtIt() {
        assertThat(free.memoryMbFor(2048)).isEqualTo(512);
        assertThat(free.cpuMillisFor(2000)).isEqualTo(500);
    }

    @Test
    void settingsWithinThePlanAreKept() {
        assertThat(free.memoryMbFor(256)).isEqualTo(256);
        assertThat(free.cpuMillisFor(500)).isEqualTo(500);
        assertThat(free.cpuMillisFor(100)).isEqualTo(100);
    }

    @Test
    void aDowngradeScalesInstancesDownToThePlansMost() {
        assertThat(free.instancesFor(3)).isEqualTo(1);
        assertThat(free.instancesFor(1)).isEqualTo(1);
        AccountLimits pro = new AccountLimits(UUID.randomUUID(), "pro", 2000, 2048, 3, List.of());
        assertThat(pro.instancesFor(2)).isEqualTo(2);
        assertThat(pro.instancesFor(5)).isEqualTo(3);
    }

    @Test
    void anEmptyListOfRuntimesAllowsEveryStack() {
        assertThat(free.allowsRuntime("node")).isTrue();
        AccountLimits staticOnly = new AccountLimits(UUID.randomUUID(), "static", 500, 512, 1, List.of("static"));
        assertThat(staticOnly.allowsRuntime("static")).isTrue();
        assertThat(staticOnly.allowsRuntime("STATIC")).isTrue();
        assertThat(staticOnly.allowsRuntime("node")).isFalse();
        assertThat(staticOnly.allowsRuntime(null)).as("an image of an unknown stack").isTrue();
    }

    @Test
    void namesInstancesInTheSingularAndPlural() {
        assertThat(free.instancesText()).isEqualTo("1 instance");
        assertThat(new AccountLimits(UUID.randomUUID(), "pro", 2000, 2048, 3, List.of()).instancesText())
                .isEqualTo("3 instances");
    }
}
