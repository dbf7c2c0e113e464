package dev.paas.metrics.capacity;

/**
 * A Spring application event published inside metrics-service after each host sampling pass (alerts evaluate the
 * host thresholds on it).
 *
 * @param sample what was measured
 * @param thresholdPercent the admission threshold in force
 */
public record HostSampled(HostSample sample, double thresholdPercent) {
}
