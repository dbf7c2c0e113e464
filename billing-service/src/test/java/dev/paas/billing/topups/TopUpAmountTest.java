package dev.paas.billing.topups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopUpAmountTest {

    private static final BigDecimal MIN = new BigDecimal("1.00");
    private static final BigDecimal MAX = new BigDecimal("10000.00");

    @Test
    void acceptsPlainDecimalsInTheWalletsCurrency() {
        TopUpAmount amount = TopUpAmount.parse("10.5", "usd", "USD", MIN, MAX);

        assertThat(amount.amount()).isEqualTo(new BigDecimal("10.50"));
        assertThat(amount.currency()).isEqualTo("USD");
        assertThat(amount.minorUnits()).isEqualTo(1050);
        assertThat(TopUpAmount.parse("25", null, "USD", MIN, MAX).minorUnits()).isEqualTo(2500);
        assertThat(TopUpAmount.parse("1.00", "USD", "USD", MIN, MAX).minorUnits()).isEqualTo(100);
        assertThat(TopUpAmount.parse("10000.00", "USD", "USD", MIN, MAX).minorUnits()).isEqualTo(1_000_000);
    }

    @Test
    void refusesBadAmountsNamingTheField() {
        for (String bad : new String[] {null, "", " ", "ten", "1e3", "10,00", " 10", "+10", "0x10", "NaN",
                "Infinity", "0", "0.00", "-0", "-0.00", "-5.00", "10.001", "10.0001", "0.99", "10000.01",
                "1000000", "99999999999999999999"}) {
            assertThatThrownBy(() -> TopUpAmount.parse(bad, "USD", "USD", MIN, MAX)).as(bad)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("amount"));
        }
    }

    @Test
    void refusesAnotherCurrencyThanTheWallets() {
        for (String bad : new String[] {"EUR", "", "dollars", "US"}) {
            assertThatThrownBy(() -> TopUpAmount.parse("10.00", bad, "USD", MIN, MAX)).as(bad)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.field()).isEqualTo("currency");
                        assertThat(e.problem()).contains("must be USD");
                    });
        }
    }

    @Test
    void usesTheCurrencysOwnSmallestUnit() {
        assertThat(TopUpAmount.parse("1500", "JPY", "JPY", MIN, new BigDecimal("1000000")).minorUnits())
                .isEqualTo(1500);
        assertThatThrownBy(() -> TopUpAmount.parse("1500.5", "JPY", "JPY", MIN, new BigDecimal("1000000")))
                .hasMessageContaining("more than 0 decimals");
        assertThat(TopUpAmount.fromMinorUnits(1050, "usd")).isEqualTo(new BigDecimal("10.50"));
        assertThat(TopUpAmount.fromMinorUnits(1500, "JPY")).isEqualTo(new BigDecimal("1500"));
    }

    @Test
    void minorUnitsRoundTripExactlyForRandomAmounts() {
        Random random = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            long cents = 100 + random.nextLong(999_900);
            String text = BigDecimal.valueOf(cents, 2).toPlainString();
            TopUpAmount amount = TopUpAmount.parse(text, "USD", "USD", MIN, MAX);
            assertThat(amount.minorUnits()).isEqualTo(cents);
            assertThat(TopUpAmount.fromMinorUnits(amount.minorUnits(), "USD")).isEqualTo(amount.amount());
        }
    }
}
