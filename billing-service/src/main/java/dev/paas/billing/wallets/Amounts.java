package dev.paas.billing.wallets;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The wallets' money arithmetic: exact decimals of scale 4, never floating point. Additions and multiplications by
 * whole numbers are exact; a value with more than 4 decimals is refused rather than rounded, so no amount is ever
 * silently changed. The one division (a rate per hour from a monthly price) is left to its caller, who rounds
 * {@link RoundingMode#HALF_EVEN} and says so.
 */
public final class Amounts {

    /** The scale of every stored amount. */
    public static final int SCALE = 4;

    /** Zero at the wallets' scale. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Amounts() {
    }

    /**
     * {@code amount} at scale 4, exactly.
     *
     * @throws ArithmeticException when it has more than 4 significant decimals
     */
    public static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** Whether {@code amount} fits scale 4 without rounding. */
    public static boolean fitsScale(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }

    /** {@code rate × count}, exact (a scale-4 rate times a whole number stays at scale 4). */
    public static BigDecimal times(BigDecimal rate, long count) {
        return exact(rate).multiply(BigDecimal.valueOf(count));
    }
}
