package dev.paas.metrics.containers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Container metrics settings ({@code paas.metrics.containers.*}). Absent values take the defaults below.
 *
 * @param sampling whether this replica samples the platform's containers ({@code true} by default; tests switch it
 *     off so that they do not sample the machine's containers)
 * @param interval time between two sampling passes, 15 s by default; raw samples are stored per interval
 * @param statsTimeout how long one pass waits for the containers' stats, 10 s by default: a container that has not
 *     answered by then is left out of the pass rather than stall it
 * @param rollups whether this replica runs the rollup and retention jobs periodically ({@code true} by default;
 *     every replica may: the jobs claim their work, so each bucket is rolled up once)
 * @param rollupInterval time between two runs of the rollup and retention jobs, 30 s by default
 * @param rawRetention how long raw samples are kept, 24 h by default
 * @param minuteRetention how long 1-minute rollups are kept, 7 days by default
 * @param hourRetention how long hourly rollups are kept, 30 days by default
 */
@ConfigurationProperties("paas.metrics.containers")
public record ContainersProperties(Boolean sampling, Duration interval, Duration statsTimeout, Boolean rollups,
        Duration rollupInterval, Duration rawRetention, Duration minuteRetention, Duration hourRetention) {

    public ContainersProperties {
        sampling = sampling == null || sampling;
        interval = interval == null ? Duration.ofSeconds(15) : interval;
        statsTimeout = statsTimeout == null ? Duration.ofSeconds(10) : statsTimeout;
        rollups = rollups == null || rollups;
        rollupInterval = rollupInterval == null ? Duration.ofSeconds(30) : rollupInterval;
        rawRetention = rawRetention == null ? Duration.ofHours(24) : rawRetention;
        minuteRetention = minuteRetention == null ? Duration.ofDays(7) : minuteRetention;
        hourRetention = hourRetention == null ? Duration.ofDays(30) : hourRetention;
        if (interval.toSeconds() < 1) {
            throw new IllegalArgumentException("paas.metrics.containers.interval must be at least 1s, was " + interval);
        }
        if (60 % interval.toSeconds() != 0 && interval.toSeconds() % 60 != 0) {
            // Raw buckets must tile the minute, else a minute rollup would count a sample twice or never.
            throw new IllegalArgumentException("paas.metrics.containers.interval must divide a minute, was "
                    + interval);
        }
    }
}
