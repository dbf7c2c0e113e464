package dev.paas.metrics.capacity;

import java.util.Locale;

/**
 * Whether the host admits new deployments at the given usage: not when CPU, memory or disk is at or above the
 * threshold, the reason naming the highest of those.
 *
 * @param reason {@code memory 91 % of host}; {@code null} while admitting
 */
record CapacityVerdict(boolean admitting, String reason, double cpuPercent, double memoryPercent,
        double diskPercent, double thresholdPercent) {

    static CapacityVerdict of(double cpuPercent, double memoryPercent, double diskPercent, double thresholdPercent) {
        String worst = null;
        double highest = Double.NEGATIVE_INFINITY;
        String[] names = {"cpu", "memory", "disk"};
        double[] values = {cpuPercent, memoryPercent, diskPercent};
        for (int i = 0; i < names.length; i++) {
            if (values[i] >= thresholdPercent && values[i] > highest) {
                highest = values[i];
                worst = names[i];
            }
        }
        String reason = worst == null ? null
                : String.format(Locale.ROOT, "%s %d %% of host", worst, Math.round(highest));
        return new CapacityVerdict(worst == null, reason, oneDecimal(cpuPercent), oneDecimal(memoryPercent),
                oneDecimal(diskPercent), thresholdPercent);
    }

    private static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
