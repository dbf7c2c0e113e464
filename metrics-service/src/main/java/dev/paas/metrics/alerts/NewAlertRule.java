package dev.paas.metrics.alerts;

/**
 * A rule as a client asks for it.
 *
 * @param metric {@code memory} or {@code cpu} (an administrator may also use {@code host-cpu}, {@code host-memory},
 *        {@code host-disk})
 * @param thresholdPercent from 1 to 100
 * @param duration from {@code 1m} to {@code 24h} ({@code 90s}, {@code 5m}, {@code 2h}, or ISO-8601 {@code PT5M})
 */
public record NewAlertRule(String metric, Double thresholdPercent, String duration) {
}
