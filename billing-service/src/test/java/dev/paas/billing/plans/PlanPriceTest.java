package dev.paas.billing.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prices are exact decimals of scale 4; the only rounding is a monthly price divided into hours. */
class PlanPriceTest {

    @Test
    void derivesProsHourlyRateFromItsMonthlyPriceOver730HoursHalfEven() {
        PlanPrice price = PlanPrice.of("20.00", null);

        assertThat(price.monthly()).isEqualTo(new BigDecimal("20.0000"));
        assertThat(price.hourly()).isEqualTo(new BigDecimal("0.0274"));
    }

    @Test
    void keepsAnHourlyRateGivenExplicitly() {
        PlanPrice price = PlanPrice.of("20.00", "0.03");

        assertThat(price.hourly()).isEqualTo(new BigDecimal("0.0300"));
    }

    @Test
    void roundsTheDerivedRateHalfToEven() {
        // prices whose quotient ends in exactly 5 at the fifth place: 23.9805 / 730 = 0.03285 -> 0.0328 (even)
        assertThat(PlanPrice.of("23.9805", null).hourly()).isEqualTo(new BigDecimal("0.0328"));
        // 0.03295 -> 0.0330 (even)
        assertThat(PlanPrice.of("24.0535", null).hourly()).isEqualTo(new BigDecimal("0.0330"));
    }

    @Test
    void aDerivedRateIsTheNearestOneOfScale4ToTheExactQuotient() {
        BigDecimal unit = new BigDecimal("0.0001");
        Random random = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal monthly = BigDecimal.valueOf(random.nextLong(0, 10_000_000_000L), 4);
            BigDecimal hourly = PlanPrice.of(monthly.toPlainString(), null).hourly();
            // compared in exact arithmetic: x 730 instead of dividing, which would need rounding itself
            BigDecimal error = hourly.multiply(PlanPrice.HOURS_PER_MONTH).subtract(monthly).abs();

            assertThat(hourly.scale()).isEqualTo(4);
            assertThat(hourly.add(unit).multiply(PlanPrice.HOURS_PER_MONTH).subtract(monthly).abs())
                    .isGreaterThanOrEqualTo(error);
            assertThat(hourly.subtract(unit).multiply(PlanPrice.HOURS_PER_MONTH).subtract(monthly).abs())
                    .isGreaterThanOrEqualTo(error);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1.00    | must not be negative",
        "-0       | must not be negative",
        "1.00001  | must have at most 4 decimal places",
        "twenty   | must be a decimal amount",
        "1000000.01 | must be at most 1000000",
        "1e9      | must be at most 1000000"})
    void refusesAmountsThatAreNotPrices(String amount, String problem) {
        assertThatThrownBy(() -> PlanPrice.of(amount, null))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("monthlyPrice");
                    assertThat(invalid.problem()).startsWith(problem);
                });
        assertThatThrownBy(() -> PlanPrice.of("1.00", amount))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.field())
                        .isEqualTo("hourlyRate"));
    }
}
