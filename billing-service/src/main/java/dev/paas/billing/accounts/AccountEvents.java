package dev.paas.billing.accounts;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Facts the account lifecycle registers, published as Spring application events inside the transaction of the change;
 * the messaging adapter turns them into the contracts in the outbox.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    /** The balance fell below the low-balance threshold; registered once per fall. */
    public record WalletLow(UUID userId, BigDecimal balance, String currency, BigDecimal threshold,
            BigDecimal hourlyBurn) {
    }

    /** The grace period ended with the balance still at or below zero. */
    public record Suspended(UUID userId, BigDecimal balance, String currency, String reason) {
    }

    /** A suspended account's balance is above zero again. */
    public record Reinstated(UUID userId, BigDecimal balance, String currency) {
    }
}
