package dev.paas.build.builds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of build logs under {@code paas.build.logs}.
 *
 * @param maxBytes the most text one build's log keeps; later output is dropped after a note, the build goes on
 * @param flushInterval how long a printed line may wait before its batch is written
 * @param flushLines how many lines make a batch that is written at once
 * @param pollInterval how often a follower looks for new lines of a build that runs on another instance
 * @param heartbeat how long a followed stream may stay silent before a comment keeps proxies from closing it
 * @param maxFollowers how many streams one instance serves at the same time; more are refused with 503
 * @param followTimeout how long one stream lasts at most; the client reconnects with {@code Last-Event-ID}
 */
@ConfigurationProperties("paas.build.logs")
public record BuildLogProperties(
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("100ms") Duration flushInterval,
        @DefaultValue("200") int flushLines,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("100") int maxFollowers,
        @DefaultValue("1h") Duration followTimeout) {

    /** Room kept under the cap for the truncation note and the runner's own lines after it. */
    static final int RESERVE_BYTES = 4096;

    public BuildLogProperties {
        if (maxBytes.toBytes() < 4L * RESERVE_BYTES) {
            throw new IllegalArgumentException("paas.build.logs.max-bytes must be at least " + 4 * RESERVE_BYTES
                    + " bytes, was " + maxBytes.toBytes());
        }
        if (flushLines < 1 || maxFollowers < 1) {
            throw new IllegalArgumentException("paas.build.logs.flush-lines and max-followers must be at least 1");
        }
        for (Duration duration : new Duration[] {flushInterval, pollInterval, heartbeat, followTimeout}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("paas.build.logs durations must be positive, was " + duration);
            }
        }
    }
}
