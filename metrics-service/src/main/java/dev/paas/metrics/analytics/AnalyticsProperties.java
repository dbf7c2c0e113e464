package dev.paas.metrics.analytics;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of HTTP analytics ({@code paas.metrics.analytics}).
 *
 * @param enabled whether this replica tails the access log at all (it still answers the analytics API)
 * @param accessLog Caddy's JSON access log; relative paths are resolved against the working directory
 * @param visitorKey the secret the daily visitor keys are derived from; empty: a random one per process, so the
 *     unique-visitor count of the current day restarts with the process
 * @param pollInterval how often the tail looks for new lines
 * @param flushInterval how often the counts held in memory are written, with the file offset, in one transaction
 * @param lease how long a replica owns the tail of the file without renewing it; another one takes over after
 * @param hostCacheTtl how long a host's project (or its absence) is remembered before it is looked up again
 * @param topPaths how many paths are kept per project and minute
 * @param retentionDays how long per-minute counts are kept
 * @param visitorHashDays how long the visitor hashes are kept (only the daily counts remain after)
 */
@ConfigurationProperties("paas.metrics.analytics")
record AnalyticsProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue(".paas/logs/caddy-access.log") Path accessLog, @DefaultValue("") String visitorKey,
        @DefaultValue("200ms") Duration pollInterval, @DefaultValue("2s") Duration flushInterval,
        @DefaultValue("30s") Duration lease, @DefaultValue("30s") Duration hostCacheTtl,
        @DefaultValue("20") int topPaths, @DefaultValue("30") int retentionDays,
        @DefaultValue("2") int visitorHashDays) {

    @Override
    public String toString() {
        return "AnalyticsProperties[accessLog=" + accessLog + ", enabled=" + enabled + "]";
    }
}
