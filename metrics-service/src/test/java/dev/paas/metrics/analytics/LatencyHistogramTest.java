package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketsAreLogScaledHalfADoublingWide() {
        assertThat(LatencyHistogram.bucketOf(0)).isZero();
        assertThat(LatencyHistogram.bucketOf(0.1)).isZero();
        assertThat(LatencyHistogram.bucketOf(0.11)).isEqualTo(1);
        assertThat(LatencyHistogram.bucketOf(0.2)).isEqualTo(2);
        assertThat(LatencyHistogram.bucketOf(0.21)).isEqualTo(3);
        assertThat(LatencyHistogram.bucketOf(1e12)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        for (double ms = 0.05; ms < 1_000_000; ms *= 1.07) {
            int bucket = LatencyHistogram.bucketOf(ms);
            assertThat(ms).isLessThanOrEqualTo(LatencyHistogram.upperBoundMillis(bucket) * (1 + 1e-9));
            if (bucket > 0) {
                assertThat(ms).isGreaterThan(LatencyHistogram.upperBoundMillis(bucket - 1));
            }
        }
    }

    @Test
    void percentilesAreTheUpperBoundOfTheBucketOfThatRank() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            histogram.record(i);
        }

        assertThat(histogram.total()).isEqualTo(100);
        assertWithinOneBucket(histogram.percentileMillis(0.5), 50);
        assertWithinOneBucket(histogram.percentileMillis(0.95), 95);
        assertWithinOneBucket(histogram.percentileMillis(0.99), 99);
        assertThat(histogram.percentileMillis(0.5)).isLessThan(histogram.percentileMillis(0.95));
    }

    @Test
    void histogramsOfMinutesAddUpToTheHistogramOfTheRange() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            fast.record(2);
        }
        for (int i = 0; i < 10; i++) {
            slow.record(800);
        }
        LatencyHistogram range = LatencyHistogram.of(new long[0]);
        range.add(fast);
        range.add(slow);

        assertThat(range.total()).isEqualTo(100);
        assertWithinOneBucket(range.percentileMillis(0.5), 2);
        assertWithinOneBucket(range.percentileMillis(0.95), 800);
        assertThat(LatencyHistogram.of(range.counts()).percentileMillis(0.99)).isEqualTo(range.percentileMillis(0.99));
    }

    @Test
    void hasNoPercentilesWithoutRequests() {
        assertThat(new LatencyHistogram().percentileMillis(0.5)).isNull();
    }

    private static void assertWithinOneBucket(Double percentile, double actualMillis) {
        assertThat(percentile).isGreaterThanOrEqualTo(actualMillis);
        assertThat(percentile).isCloseTo(actualMillis, within(actualMillis * 0.42));
    }
}
