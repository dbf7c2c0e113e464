package dev.paas.metrics.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes per-minute counts after {@code retentionDays} and visitor hashes after {@code visitorHashDays} (their daily
 * counts stay as long as the minutes). A delete by age is idempotent, so replicas running it at once do no harm.
 */
@Component
class AnalyticsRetention {

    private final AnalyticsStore store;
    private final AnalyticsProperties properties;
    private final Clock clock = Clock.systemUTC();

    AnalyticsRetention(AnalyticsStore store, AnalyticsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${paas.metrics.analytics.retention-delay:PT1M}",
            fixedDelayString = "${paas.metrics.analytics.retention-interval:PT1H}")
    void scheduled() {
        apply();
    }

    /** Deletes what is past retention now; returns how many rows went. */
    int apply() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return store.deleteOlderThan(now.minus(Duration.ofDays(properties.retentionDays())),
                today.minusDays(properties.visitorHashDays() - 1L));
    }
}
