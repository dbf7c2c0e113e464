package dev.paas.metrics.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityVerdictTest {

    @Test
    void admitsWhileEverythingIsBelowTheThreshold() {
        CapacityVerdict verdict = CapacityVerdict.of(84.9, 60, 30, 85);

        assertThat(verdict.admitting()).isTrue();
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void namesTheHighestResourceAtOrAboveTheThreshold() {
        CapacityVerdict verdict = CapacityVerdict.of(88, 91.3, 85, 85);

        assertThat(verdict.admitting()).isFalse();
        assertThat(verdict.reason()).isEqualTo("memory 91 % of host");
    }

    @Test
    void countsAResourceExactlyAtTheThreshold() {
        assertThat(CapacityVerdict.of(10, 20, 85, 85).reason()).isEqualTo("disk 85 % of host");
    }

    @Test
    void roundsTheFiguresToOneDecimal() {
        CapacityVerdict verdict = CapacityVerdict.of(12.345, 50.06, 7.04, 85);

        assertThat(verdict.cpuPercent()).isEqualTo(12.3);
        assertThat(verdict.memoryPercent()).isEqualTo(50.1);
        assertThat(verdict.diskPercent()).isEqualTo(7.0);
    }

    @Test
    void holdsDeploymentsOnlyForTheCountedResources() {
        CapacityVerdict busyCpu = CapacityVerdict.of(97, 40, 30, 85, java.util.Set.of("memory", "disk"));
        CapacityVerdict fullDisk = CapacityVerdict.of(97, 40, 90, 85, java.util.Set.of("memory", "disk"));

        assertThat(busyCpu.admitting()).isTrue();
        assertThat(busyCpu.reason()).isNull();
        assertThat(fullDisk.admitting()).isFalse();
        assertThat(fullDisk.reason()).isEqualTo("disk 90 % of host");
    }
}
