package dev.paas.billing.wallets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a wallet's append-only ledger. Amounts are exact decimals (scale 4): positive adds to the balance,
 * negative takes from it.
 *
 * @param id the entry
 * @param userId whose wallet
 * @param kind what it is
 * @param amount signed amount in the wallet's currency
 * @param balanceAfter the balance right after it
 * @param description what it was for ({@code web: 2 instances x 0.0100, 2026-12-01 10:00-11:00 UTC})
 * @param reference what makes it unique ({@code charge:app:<project>:2026-12-01T10:00Z}, {@code stripe:pi_123})
 * @param actorId the administrator of an adjustment, {@code null} otherwise
 * @param at when it was booked
 */
public record LedgerEntry(UUID id, UUID userId, EntryKind kind, BigDecimal amount, BigDecimal balanceAfter,
        String description, String reference, UUID actorId, Instant at) {
}
