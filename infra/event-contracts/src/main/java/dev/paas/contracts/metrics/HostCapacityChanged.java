package dev.paas.contracts.metrics;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;

/**
 * The host's usage crossed the admission threshold, one way or the other: emitted by metrics-service once per
 * crossing (and once at start-up, so a consumer that missed the crossing learns the state). While {@code admitting}
 * is {@code false}, new deployments wait as {@code QUEUED} with {@code reason}; deployments already running are
 * untouched.
 *
 * @param host the host's name
 * @param admitting whether new deployments may start
 * @param cpuPercent host CPU in use, in percent of all cores, one decimal
 * @param memoryPercent host memory in use (not counting reclaimable page cache), in percent
 * @param diskPercent the platform's data disk in use, in percent
 * @param thresholdPercent the threshold in force when it was measured
 * @param reason why deployments wait, {@code memory 91 % of host}; {@code null} while admitting
 */
@EventType(name = "metrics.host-capacity-changed", version = 1)
public record HostCapacityChanged(String host, boolean admitting, double cpuPercent, double memoryPercent,
        double diskPercent, double thresholdPercent, String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return host;
    }
}
