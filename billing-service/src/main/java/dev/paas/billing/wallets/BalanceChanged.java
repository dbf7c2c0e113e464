package dev.paas.billing.wallets;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A Spring application event published by {@link Wallets#append} inside the booking transaction: the account's new
 * balance after {@code entry}.
 */
public record BalanceChanged(UUID userId, BigDecimal balance, LedgerEntry entry) {
}
