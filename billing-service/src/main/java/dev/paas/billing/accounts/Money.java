package dev.paas.billing.accounts;

import java.math.BigDecimal;

/** The wallets' exact decimals: scale 4; nothing here divides, so no rounding mode is ever needed. */
final class Money {

    static final int SCALE = 4;

    private Money() {
    }

    /** {@code amount} at scale 4; refuses an amount with more decimals rather than rounding it away. */
    static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(SCALE);
    }
}
