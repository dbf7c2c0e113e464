package dev.paas.metrics.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A threshold rule: alert when {@code metric} is at or above {@code thresholdPercent} for {@code duration}.
 *
 * @param id the rule ({@code null} for a default from the configuration)
 * @param scope {@code PROJECT} (a user's, for one project), {@code PLATFORM} (an administrator's, overriding the
 *        default of its metric) or {@code DEFAULT}
 * @param projectId the project of a {@code PROJECT} rule
 * @param metric what it measures
 * @param thresholdPercent from 1 to 100
 * @param duration how long the value must hold before the alert opens
 * @param createdAt when it was set ({@code null} for a default)
 */
public record AlertRule(UUID id, String scope, UUID projectId, AlertMetric metric, double thresholdPercent,
        Duration duration, Instant createdAt) {

    static final String PROJECT = "PROJECT";
    static final String PLATFORM = "PLATFORM";
    static final String DEFAULT = "DEFAULT";

    /**
     * The part of an alert key that names the rule: a project rule by its id, the platform's rule of a metric (the
     * default or the administrator's override) by the metric, so changing the override keeps open alerts.
     */
    String key() {
        return PROJECT.equals(scope) ? "rule-" + id : metric.apiName();
    }

    /** {@code CRITICAL} from 90 % up, {@code WARNING} below. */
    String severity() {
        return thresholdPercent >= 90 ? "CRITICAL" : "WARNING";
    }
}
