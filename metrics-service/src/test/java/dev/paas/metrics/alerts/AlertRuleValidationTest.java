package dev.paas.metrics.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rule request is refused with the field at fault named; a good one is read in the units the API allows. */
class AlertRuleValidationTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "disk, 90, 5m, metric",
            "null, 90, 5m, metric",
            "host-memory, 90, 5m, metric",
            "memory, 0, 5m, thresholdPercent",
            "memory, 101, 5m, thresholdPercent",
            "memory, null, 5m, thresholdPercent",
            "memory, 90, 30s, duration",
            "memory, 90, 25h, duration",
            "memory, 90, soon, duration",
            "memory, 90, null, duration",
    })
    void refusesAProjectRuleNamingTheField(String metric, Double threshold, String duration, String field) {
        assertThatThrownBy(() -> AlertRules.validate(new NewAlertRule(metric, threshold, duration), false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void readsShortAndIsoDurations() {
        assertThat(AlertRules.validate(new NewAlertRule("cpu", 75.0, "90s"), false).duration())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(AlertRules.validate(new NewAlertRule("MEMORY", 1.0, "24h"), false).duration())
                .isEqualTo(Duration.ofHours(24));
        assertThat(AlertRules.validate(new NewAlertRule("memory", 100.0, "PT10M"), false).duration())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void letsAnAdministratorSetHostThresholds() {
        assertThat(AlertRules.validate(new NewAlertRule("host-disk", 80.0, "1m"), true).metric())
                .isEqualTo(AlertMetric.HOST_DISK);
    }
}
