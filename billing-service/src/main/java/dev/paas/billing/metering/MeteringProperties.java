package dev.paas.billing.metering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hourly metering run ({@code paas.billing.metering.*}).
 *
 * @param enabled whether this replica runs it on its schedule (tests drive it by hand)
 * @param interval how often a replica looks for completed hours to meter
 * @param lease how long a claimed hour stays another replica's before it counts as abandoned (a crash)
 * @param handover how long an old container may overlap its replacement without counting as a second instance
 * @param maxBackfill how far back the very first run starts, at most, when usage is older than metering
 * @param batchSize resources charged per transaction
 */
@ConfigurationProperties("paas.billing.metering")
public record MeteringProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration interval,
        @DefaultValue("10m") Duration lease, @DefaultValue("2m") Duration handover,
        @DefaultValue("24h") Duration maxBackfill, @DefaultValue("500") int batchSize) {
}
