package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VisitorHashesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");

    @Test
    void aVisitorIsTheSameAllDayButNotTheNextDay() {
        VisitorHashes hashes = new VisitorHashes("secret");

        String morning = hashes.hash(DAY, "203.0.113.9", "Firefox");
        assertThat(hashes.hash(DAY, "203.0.113.9", "Firefox")).isEqualTo(morning).hasSize(32).doesNotContain("203");
        assertThat(hashes.hash(DAY.plusDays(1), "203.0.113.9", "Firefox")).isNotEqualTo(morning);
        assertThat(hashes.hash(DAY, "203.0.113.9", "Chrome")).isNotEqualTo(morning);
        assertThat(hashes.hash(DAY, "203.0.113.10", "Firefox")).isNotEqualTo(morning);
    }

    @Test
    void theAddressAndUserAgentCannotBeShiftedIntoEachOther() {
        VisitorHashes hashes = new VisitorHashes("secret");

        assertThat(hashes.hash(DAY, "1.2.3.4", "5x")).isNotEqualTo(hashes.hash(DAY, "1.2.3.45", "x"));
    }

    @Test
    void dependsOnTheSecretAndARandomOneWhenNoneIsConfigured() {
        assertThat(new VisitorHashes("one").hash(DAY, "a", "b")).isNotEqualTo(new VisitorHashes("two").hash(DAY, "a", "b"));
        assertThat(new VisitorHashes("").hash(DAY, "a", "b")).isNotEqualTo(new VisitorHashes("").hash(DAY, "a", "b"));
    }
}
