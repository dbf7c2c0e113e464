package dev.paas.billing.accounts;

import dev.paas.billing.wallets.Amounts;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The low-balance and grace settings.
 *
 * @param lowBalanceHours the balance is low below this many hours of the current burn ({@code
 *     paas.billing.low-balance-hours}, 24)
 * @param gracePeriod how long an account may stay at or below zero before it is suspended ({@code
 *     paas.billing.grace-period}, 24h)
 * @param currency the wallets' currency, for the events
 */
record AccountRules(int lowBalanceHours, Duration gracePeriod, String currency) {

    AccountRules {
        if (lowBalanceHours < 0) {
            throw new IllegalArgumentException("paas.billing.low-balance-hours must not be negative: "
                    + lowBalanceHours);
        }
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("paas.billing.grace-period must not be negative: " + gracePeriod);
        }
    }

    /** Hours × burn: exact (a scale-4 amount times a whole number); nothing here divides, so nothing rounds. */
    BigDecimal lowBalanceThreshold(BigDecimal hourlyBurn) {
        return Amounts.times(hourlyBurn, lowBalanceHours);
    }
}
