package dev.paas.project.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowerCasesAndHyphenatesNames() {
        assertThat(Slugs.of("My Shop API")).isEqualTo("my-shop-api");
        assertThat(Slugs.of("  --Hello__World!!  ")).isEqualTo("hello-world");
    }

    @Test
    void dropsAccentsAndFallsBackWhenNothingIsLeft() {
        assertThat(Slugs.of("Café Crème")).isEqualTo("cafe-creme");
        assertThat(Slugs.of("日本語")).isEqualTo("app");
    }

    @Test
    void staysWithinADnsLabelBudgetWithoutTrailingHyphen() {
        String slug = Slugs.of("a".repeat(39) + " b c d e f");
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }

    @Test
    void appendsACounterWhenTheSlugIsTaken() {
        Set<String> taken = Set.of("shop", "shop-2");
        assertThat(Slugs.unique("Shop", taken::contains)).isEqualTo("shop-3");
        assertThat(Slugs.unique("Other", taken::contains)).isEqualTo("other");
    }

    @Test
    void keepsCounterWithinTheLengthLimit() {
        String longName = "x".repeat(40);
        assertThat(Slugs.unique(longName, candidate -> candidate.equals(longName)))
                .isEqualTo("x".repeat(38) + "-2");
    }
}
