package dev.paas.billing.topups;

import dev.paas.problems.InvalidInput;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A top-up amount checked against the wallet: a plain decimal string in the wallet's currency, above zero, within
 * the configured bounds, and with no more decimals than the currency's smallest unit (Stripe charges whole cents),
 * so that converting to Stripe's minor units is exact. No rounding anywhere.
 *
 * @param amount the amount, as sent (its scale is at most the currency's fraction digits)
 * @param currency the ISO 4217 code, upper case
 */
record TopUpAmount(BigDecimal amount, String currency) {

    /** Digits with an optional fraction: no exponent, no sign other than a leading minus, no spaces. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");

    /**
     * Checks a request's {@code amount} and {@code currency} (omitted = the wallet's).
     *
     * @throws InvalidInput naming the field at fault
     */
    static TopUpAmount parse(String amount, String currency, String walletCurrency, BigDecimal minimum,
            BigDecimal maximum) {
        String code = currency == null ? walletCurrency : currency.trim().toUpperCase(Locale.ROOT);
        if (!code.equals(walletCurrency)) {
            throw new InvalidInput("currency", "must be " + walletCurrency + ", the wallet's currency (got "
                    + currency + ")");
        }
        if (amount == null || amount.isBlank()) {
            throw new InvalidInput("amount", "is required: a decimal string such as \"10.00\"");
        }
        if (!DECIMAL.matcher(amount).matches()) {
            throw new InvalidInput("amount", "must be a decimal number such as \"10.00\" (got \"" + shortened(amount)
                    + "\")");
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.signum() <= 0) {
            throw new InvalidInput("amount", "must be greater than zero (got " + amount + ")");
        }
        int digits = Currency.getInstance(walletCurrency).getDefaultFractionDigits();
        if (value.stripTrailingZeros().scale() > digits) {
            throw new InvalidInput("amount", "has more than " + digits + " decimals, the smallest unit of "
                    + walletCurrency + " (got " + amount + ")");
        }
        if (value.compareTo(minimum) < 0) {
            throw new InvalidInput("amount", "must be at least " + minimum.toPlainString() + " " + walletCurrency
                    + " (got " + amount + ")");
        }
        if (value.compareTo(maximum) > 0) {
            throw new InvalidInput("amount", "must be at most " + maximum.toPlainString() + " " + walletCurrency
                    + " (got " + amount + ")");
        }
        return new TopUpAmount(value.setScale(Math.max(digits, 0)), code);
    }

    /** The amount in the currency's smallest unit, as Stripe's {@code unit_amount} wants it: exact. */
    long minorUnits() {
        return amount.movePointRight(fractionDigits(currency)).longValueExact();
    }

    /** An amount Stripe reports in minor units, as an exact decimal of the currency. */
    static BigDecimal fromMinorUnits(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
    }

    private static int fractionDigits(String currency) {
        return Math.max(Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits(), 0);
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
