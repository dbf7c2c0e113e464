package dev.paas.runtime.logs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How app containers' output is collected, kept and streamed.
 *
 * @param maxLinesPerProject most lines kept per project; older ones are trimmed
 * @param retention how long a line is kept
 * @param maxLineBytes longer lines are cut to this many bytes of UTF-8 and marked
 * @param batchSize a batch of lines is stored once it has this many ...
 * @param flushInterval ... or once its oldest line waited this long
 * @param rescanInterval how often the running containers are listed (besides Docker's start events)
 * @param lease how long a container's log stays reserved for this instance without renewal
 * @param trimInterval how often the retention limits are applied
 * @param pollInterval how often a followed log looks for new lines
 * @param settle new lines are streamed once they were stored this long ago, so that lines of transactions that
 *        commit out of id order (several replicas) are not skipped
 * @param heartbeat a silent stream gets a comment this often
 * @param followTimeout the longest a followed log stream lasts
 * @param maxFollowers most followed streams this instance serves at once
 */
@ConfigurationProperties("paas.runtime.logs")
public record LogProperties(@DefaultValue("50000") int maxLinesPerProject, @DefaultValue("7d") Duration retention,
        @DefaultValue("16384") int maxLineBytes, @DefaultValue("500") int batchSize,
        @DefaultValue("250ms") Duration flushInterval, @DefaultValue("5s") Duration rescanInterval,
        @DefaultValue("30s") Duration lease, @DefaultValue("1m") Duration trimInterval,
        @DefaultValue("500ms") Duration pollInterval, @DefaultValue("1s") Duration settle,
        @DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration followTimeout,
        @DefaultValue("200") int maxFollowers) {
}
