package dev.paas.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.billing.metering.PeakInstances.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which instances an hour is charged for. */
class PeakInstancesTest {

    private static final Instant H = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant END = H.plus(Duration.ofHours(1));
    private static final Duration HANDOVER = Duration.ofMinutes(2);

    @Test
    void chargesAWholeHourForAContainerThatRanInItAtAll() {
        assertThat(of(new Interval(H.plusSeconds(3590), null))).isEqualTo(1);
        assertThat(of(new Interval(H.minusSeconds(7200), H.plusSeconds(1)))).isEqualTo(1);
    }

    @Test
    void chargesNothingForContainersOutsideTheHour() {
        assertThat(of(new Interval(H.minusSeconds(7200), H))).isZero();
        assertThat(of(new Interval(END, null))).isZero();
        assertThat(of()).isZero();
    }

    @Test
    void countsReplicasRunningTogetherAsInstances() {
        assertThat(of(new Interval(H.minusSeconds(60), null), new Interval(H.plusSeconds(60), null),
                new Interval(H.plusSeconds(120), H.plusSeconds(1800)))).isEqualTo(3);
    }

    @Test
    void aRolloutsShortOverlapIsOneInstance() {
        // The old container stops 30 s after its replacement started.
        assertThat(of(new Interval(H.minusSeconds(600), H.plusSeconds(630)),
                new Interval(H.plusSeconds(600), null))).isEqualTo(1);
        // Two deployments one after another in the hour: one instance.
        assertThat(of(new Interval(H, H.plusSeconds(600)), new Interval(H.plusSeconds(600), null))).isEqualTo(1);
    }

    @Test
    void aLongOverlapIsTwoInstances() {
        assertThat(of(new Interval(H.minusSeconds(600), H.plusSeconds(1200)),
                new Interval(H.plusSeconds(600), null))).isEqualTo(2);
    }

    private static int of(Interval... intervals) {
        return PeakInstances.of(List.of(intervals), H, END, HANDOVER);
    }
}
