package dev.paas.metrics.analytics;

import java.util.Arrays;

/**
 * Request latencies in fixed log-scale buckets: bucket {@code i} holds durations up to {@code 0.1 ms x sqrt(2)^i},
 * the last one everything longer. Every histogram has the same buckets, so histograms of minutes add up to the
 * histogram of any range, and its percentiles are read from the sum (to within one bucket, about 41 %).
 */
final class LatencyHistogram {

    /** How many buckets a histogram has: up to about 20 minutes, then the last one. */
    static final int BUCKETS = 48;

    private static final double FIRST_UPPER_MS = 0.1;
    private static final double TWO_STEPS_PER_DOUBLING = 2 / Math.log(2);

    private final long[] counts;

    LatencyHistogram() {
        this(new long[BUCKETS]);
    }

    private LatencyHistogram(long[] counts) {
        this.counts = counts;
    }

    /** A histogram holding {@code counts} (as stored); a shorter array is padded, a longer one rejected. */
    static LatencyHistogram of(long[] counts) {
        if (counts.length > BUCKETS) {
            throw new IllegalArgumentException("a latency histogram has " + BUCKETS + " buckets, not "
                    + counts.length);
        }
        return new LatencyHistogram(Arrays.copyOf(counts, BUCKETS));
    }

    /** The bucket a duration falls into. */
    static int bucketOf(double millis) {
        if (!(millis > FIRST_UPPER_MS)) {
            return 0;
        }
        int bucket = (int) Math.ceil(Math.log(millis / FIRST_UPPER_MS) * TWO_STEPS_PER_DOUBLING - 1e-9);
        return Math.min(bucket, BUCKETS - 1);
    }

    /** The largest duration bucket {@code i} holds, in milliseconds. */
    static double upperBoundMillis(int bucket) {
        return FIRST_UPPER_MS * Math.pow(2, bucket / 2.0);
    }

    void record(double millis) {
        counts[bucketOf(millis)]++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
    }

    long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /**
     * The {@code quantile} (0.5 for the median) in milliseconds: the upper bound of the bucket the request of that
     * rank falls into; {@code null} without requests.
     */
    Double percentileMillis(double quantile) {
        long total = total();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.round(upperBoundMillis(i) * 1000) / 1000.0;
            }
        }
        return Math.round(upperBoundMillis(BUCKETS - 1) * 1000) / 1000.0;
    }

    long[] counts() {
        return counts.clone();
    }
}
