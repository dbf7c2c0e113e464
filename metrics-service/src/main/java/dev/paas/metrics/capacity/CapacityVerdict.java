package dev.paas.metrics.capacity;

import java.util.Locale;
import java.util.Set;

/**
 * Whether the host admits new deployments at the given usage: not when one of the counted resources (of CPU, memory
 * and disk) is at or above the threshold, the reason naming the highest of those.
 *
 * @param reason {@code memory 91 % of host}; {@code null} while admitting
 */
record CapacityVerdict(boolean admitting, String reason, double cpuPercent, double memoryPercent,
        double diskPercent, double thresholdPercent) {

    /** The resources that can hold deployments back. */
    static final Set<String> RESOURCES = Set.of("cpu", "memory", "disk");

    /** The verdict with CPU, memory and disk all counted. */
    static CapacityVerdict of(double cpuPercent, double memoryPercent, double diskPercent, double thresholdPercent) {
        return of(cpuPercent, memoryPercent, diskPercent, thresholdPercent, RESOURCES);
    }

    /** The verdict with only the {@code counted} resources able to hold deployments back. */
    static CapacityVerdict of(double cpuPercent, double memoryPercent, double diskPercent, double thresholdPercent,
            Set<String> counted) {
        String worst = null;
        double highest = Double.NEGATIVE_INFINITY;
        String[] names = {"cpu", "memory", "disk"};
        double[] values = {cpuPercent, memoryPercent, diskPercent};
        for (int i = 0; i < names.length; i++) {
            if (counted.contains(names[i]) && values[i] >= thresholdPercent && values[i] > highest) {
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
