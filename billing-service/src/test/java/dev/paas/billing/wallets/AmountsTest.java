package dev.paas.billing.wallets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The money arithmetic is exact: no rounding, no floating point, refusals instead of silent changes. */
class AmountsTest {

    @Test
    void keepsAmountsAtScaleFourWithoutRounding() {
        assertThat(Amounts.exact(new BigDecimal("10"))).isEqualByComparingTo("10").hasToString("10.0000");
        assertThat(Amounts.exact(new BigDecimal("0.01000"))).hasToString("0.0100");
        assertThatThrownBy(() -> Amounts.exact(new BigDecimal("0.00001"))).isInstanceOf(ArithmeticException.class);
        assertThat(Amounts.fitsScale(new BigDecimal("1.23450"))).isTrue();
        assertThat(Amounts.fitsScale(new BigDecimal("1.23451"))).isFalse();
    }

    @Test
    void multipliesARateByInstancesExactly() {
        assertThat(Amounts.times(new BigDecimal("0.0274"), 3)).hasToString("0.0822");
        assertThat(Amounts.times(new BigDecimal("0.0100"), 10_000)).hasToString("100.0000");
    }

    @Test
    void tenThousandHourlyChargesOfACentSumToExactlyOneHundred() {
        BigDecimal sum = Amounts.ZERO;
        for (int i = 0; i < 10_000; i++) {
            sum = sum.add(Amounts.exact(new BigDecimal("0.01")));
        }
        assertThat(sum).hasToString("100.0000");
        // What floating point would have made of it: the reason amounts are BigDecimal.
        double floating = 0;
        for (int i = 0; i < 10_000; i++) {
            floating += 0.01;
        }
        assertThat(floating).isNotEqualTo(100.0);
    }

    @Test
    void anyRandomSequenceOfScaleFourAmountsSumsExactlyWhateverTheOrder() {
        Random random = new Random(12);
        for (int run = 0; run < 200; run++) {
            BigDecimal[] amounts = new BigDecimal[1 + random.nextInt(50)];
            for (int i = 0; i < amounts.length; i++) {
                amounts[i] = BigDecimal.valueOf(random.nextLong(-1_000_000_0000L, 1_000_000_0000L), 4);
            }
            BigDecimal forward = Amounts.ZERO;
            for (BigDecimal amount : amounts) {
                forward = forward.add(amount);
            }
            BigDecimal backward = Amounts.ZERO;
            for (int i = amounts.length - 1; i >= 0; i--) {
                backward = backward.add(amounts[i]);
            }
            assertThat(backward).isEqualTo(forward);
            assertThat(forward.scale()).isEqualTo(Amounts.SCALE);
        }
    }
}
