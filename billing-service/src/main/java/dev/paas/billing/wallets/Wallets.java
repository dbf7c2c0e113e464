package dev.paas.billing.wallets;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The prepaid wallets: one append-only ledger per account, its balance the sum of its entries. Every change goes
 * through {@link #append}, exactly once per reference, and publishes {@link BalanceChanged} (a Spring application
 * event, inside the same transaction) so the account lifecycle can react.
 */
public interface Wallets {

    /**
     * Books an entry, exactly once per {@code reference} (a replay returns the entry booked the first time and
     * changes nothing). Joins the caller's transaction.
     *
     * @param amount signed, scale at most 4, never zero
     */
    LedgerEntry append(UUID userId, EntryKind kind, BigDecimal amount, String description, String reference,
            UUID actorId);

    /** The entry booked under {@code reference}, if any. */
    Optional<LedgerEntry> find(String reference);

    /** The balance: the sum of the account's entries (zero for an account without any). */
    BigDecimal balance(UUID userId);

    /** The wallets' currency, ISO 4217 ({@code paas.billing.currency}, default {@code USD}). */
    String currency();
}
