package dev.paas.metrics.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the notices say, in the user's words; the figures are billing-service's exact decimals as they came. */
final class NoticeWording {

    private NoticeWording() {
    }

    static String walletLow(String balance, String currency, String threshold, String hourlyBurn) {
        StringBuilder text = new StringBuilder("Your balance is low: ").append(balance).append(' ').append(currency)
                .append(" left");
        BigDecimal left = decimal(balance);
        BigDecimal burn = decimal(hourlyBurn);
        if (left != null && burn != null && burn.signum() > 0) {
            BigDecimal hours = left.max(BigDecimal.ZERO).divide(burn, 0, RoundingMode.DOWN);
            text.append(hours.signum() == 0 ? ", less than an hour" : ", about " + hours.toPlainString() + " h")
                    .append(" at ").append(hourlyBurn).append(' ').append(currency).append("/h");
        } else {
            text.append(" (below ").append(threshold).append(' ').append(currency).append(')');
        }
        return text.append(". Top up to keep your apps running.").toString();
    }

    static String accountSuspended(String balance, String currency, String reason) {
        String why = reason == null || reason.isBlank() ? "your balance is " + balance + " " + currency : reason;
        return "Your account is suspended: " + why + ". Your apps and databases are stopped; their images and data"
                + " are kept. Top up (balance " + balance + " " + currency + ") to start them again.";
    }

    static String accountReinstated(String balance, String currency) {
        return "Your account is active again: your balance is " + balance + " " + currency
                + ". Your apps and databases are being started again.";
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
