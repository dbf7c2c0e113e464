package dev.paas.metrics.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default alert rules and how alerts behave ({@code paas.metrics.alerts}); platform-wide rules an administrator
 * sets override the thresholds and durations here.
 *
 * @param containerMemoryPercent a container alerts at this share of its memory limit...
 * @param containerMemoryDuration ...held this long
 * @param containerCpuPercent a container alerts at this share of its CPU limit...
 * @param containerCpuDuration ...held this long
 * @param hostPercent the host alerts at this share of its CPU, memory or disk...
 * @param hostDuration ...held this long
 * @param conditionGap a condition not seen for longer than this (the sampler was down) starts again from zero
 * @param flapWindow an alert that resolved less than this ago re-opens (same id) instead of a new alert opening
 * @param retention how long resolved alerts are kept
 */
@ConfigurationProperties("paas.metrics.alerts")
public record AlertsProperties(@DefaultValue("90") double containerMemoryPercent,
        @DefaultValue("5m") Duration containerMemoryDuration, @DefaultValue("90") double containerCpuPercent,
        @DefaultValue("5m") Duration containerCpuDuration, @DefaultValue("85") double hostPercent,
        @DefaultValue("1m") Duration hostDuration, @DefaultValue("2m") Duration conditionGap,
        @DefaultValue("10m") Duration flapWindow, @DefaultValue("30d") Duration retention) {
}
