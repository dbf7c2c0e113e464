package dev.paas.billing.accounts;

import dev.paas.billing.wallets.BalanceChanged;
import dev.paas.billing.wallets.EntryKind;
import dev.paas.billing.wallets.LedgerEntry;
import dev.paas.billing.wallets.Wallets;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tiny {@link Wallets} for the lifecycle's tests, standing in for the ledger: the entries live in the test (so they
 * survive a restart of the service) and every new entry publishes {@link BalanceChanged} inside a transaction, as
 * the real one does; a replayed reference publishes nothing.
 */
final class InTestWallets implements Wallets {

    /** What the test's ledger holds, shared by every context the test starts. */
    static final class Entries {
        final Map<String, LedgerEntry> byReference = new ConcurrentHashMap<>();
        final Map<UUID, BigDecimal> balances = new ConcurrentHashMap<>();
    }

    private final Entries entries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InTestWallets(Entries entries, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public synchronized LedgerEntry append(UUID userId, EntryKind kind, BigDecimal amount, String description,
            String reference, UUID actorId) {
        LedgerEntry booked = entries.byReference.get(reference);
        if (booked != null) {
            return booked;
        }
        return transactions.execute(status -> {
            BigDecimal balance = balance(userId).add(amount).setScale(4);
            LedgerEntry entry = new LedgerEntry(UUID.randomUUID(), userId, kind, amount.setScale(4), balance,
                    description, reference, actorId, clock.instant());
            events.publishEvent(new BalanceChanged(userId, balance, entry));
            entries.byReference.put(reference, entry);
            entries.balances.put(userId, balance);
            return entry;
        });
    }

    @Override
    public Optional<LedgerEntry> find(String reference) {
        return Optional.ofNullable(entries.byReference.get(reference));
    }

    @Override
    public BigDecimal balance(UUID userId) {
        return entries.balances.getOrDefault(userId, BigDecimal.ZERO.setScale(4));
    }

    @Override
    public String currency() {
        return "USD";
    }
}
