package dev.paas.billing.plans;

import dev.paas.problems.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A plan's price: per month (what the price list shows) and per running instance per hour (what metering charges),
 * exact decimals of scale 4.
 *
 * @param monthly the monthly price
 * @param hourly the hourly rate
 */
public record PlanPrice(BigDecimal monthly, BigDecimal hourly) {

    /** Hours in an average month (365 × 24 / 12): a monthly price over this is its hourly rate. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    /** The most a plan may cost per month: beyond this an amount is a typing mistake, not a price. */
    static final BigDecimal MAX_MONTHLY = new BigDecimal("1000000");

    public PlanPrice {
        monthly = monthly.setScale(4, RoundingMode.UNNECESSARY);
        hourly = hourly.setScale(4, RoundingMode.UNNECESSARY);
    }

    /**
     * Reads a price as the API sends it: decimal strings. Without an hourly rate it is the monthly price over
     * {@link #HOURS_PER_MONTH}; that division is the one place a price is rounded (half-even, to 4 places).
     */
    public static PlanPrice of(String monthlyPrice, String hourlyRate) {
        BigDecimal monthly = amount("monthlyPrice", monthlyPrice);
        BigDecimal hourly = hourlyRate == null || hourlyRate.isBlank()
                ? monthly.divide(HOURS_PER_MONTH, 4, RoundingMode.HALF_EVEN)
                : amount("hourlyRate", hourlyRate);
        return new PlanPrice(monthly, hourly);
    }

    static BigDecimal amount(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "must be a decimal amount such as \"20.00\"");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be a decimal amount such as \"20.00\", not \"" + text + "\"");
        }
        if (value.signum() < 0 || text.strip().startsWith("-")) {
            throw new InvalidInput(field, "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw new InvalidInput(field, "must have at most 4 decimal places");
        }
        if (value.compareTo(MAX_MONTHLY) > 0) {
            throw new InvalidInput(field, "must be at most 1000000");
        }
        return value.setScale(4, RoundingMode.UNNECESSARY);
    }
}
