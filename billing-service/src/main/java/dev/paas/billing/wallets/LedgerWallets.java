package dev.paas.billing.wallets;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Wallets} on PostgreSQL: {@code ledger_entries} is append-only, its unique {@code reference} makes a booking
 * happen once, and the account's {@code wallet_accounts} row is locked ({@code for update}) while an entry is booked,
 * so concurrent bookings of one account (two replicas metering, a webhook, an administrator) chain their
 * {@code balance_after} instead of racing. The account row's balance is a cache of the ledger's sum, kept in the same
 * transaction. Also the reads of the wallet: recent entries, a period's entries and the balance at a time.
 */
@Service
public class LedgerWallets implements Wallets {

    private static final String COLUMNS = "id, user_id, kind, amount, balance_after, description, reference, actor_id,"
            + " booked_at";

    private static final RowMapper<LedgerEntry> ENTRY = LedgerWallets::entry;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String currency;

    LedgerWallets(JdbcTemplate jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
            @Value("${paas.billing.currency:USD}") String currency) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.currency = currency;
    }

    @Override
    @Transactional
    public LedgerEntry append(UUID userId, EntryKind kind, BigDecimal amount, String description, String reference,
            UUID actorId) {
        BigDecimal exact = checked(userId, kind, amount, description, reference);
        Instant now = clock.instant();
        jdbc.update("""
                insert into wallet_accounts (user_id, currency, balance, entries, updated_at)
                values (?, ?, 0, 0, ?) on conflict (user_id) do nothing""", userId, currency, Timestamp.from(now));
        Account account = jdbc.queryForObject(
                "select balance, entries from wallet_accounts where user_id = ? for update",
                (rs, n) -> new Account(rs.getBigDecimal("balance"), rs.getLong("entries")), userId);
        // Looked up under the lock: a concurrent booking of the same reference for this account has committed by now.
        Optional<LedgerEntry> booked = find(reference);
        if (booked.isPresent()) {
            if (!booked.get().userId().equals(userId)) {
                throw new IllegalStateException("cannot book " + reference + " for account " + userId
                        + ": it is booked for account " + booked.get().userId());
            }
            return booked.get();
        }
        BigDecimal balanceAfter = Amounts.exact(account.balance()).add(exact);
        LedgerEntry entry = new LedgerEntry(UUID.randomUUID(), userId, kind, exact, balanceAfter, description,
                reference, actorId, now);
        jdbc.update("""
                insert into ledger_entries (id, user_id, seq, kind, amount, balance_after, description, reference,
                    actor_id, booked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entry.id(), userId, account.entries() + 1, kind.name(),
                exact, balanceAfter, description, reference, actorId, Timestamp.from(now));
        jdbc.update("update wallet_accounts set balance = ?, entries = ?, updated_at = ? where user_id = ?",
                balanceAfter, account.entries() + 1, Timestamp.from(now), userId);
        events.publishEvent(new BalanceChanged(userId, balanceAfter, entry));
        return entry;
    }

    private static BigDecimal checked(UUID userId, EntryKind kind, BigDecimal amount, String description,
            String reference) {
        if (userId == null || kind == null || amount == null || description == null || reference == null
                || reference.isBlank()) {
            throw new IllegalArgumentException("cannot book an entry without an account, kind, amount, description"
                    + " and reference: " + userId + ", " + kind + ", " + amount + ", " + reference);
        }
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("cannot book " + reference + ": its amount is zero");
        }
        if (!Amounts.fitsScale(amount)) {
            throw new IllegalArgumentException("cannot book " + reference + ": " + amount.toPlainString()
                    + " has more than " + Amounts.SCALE + " decimals");
        }
        return Amounts.exact(amount);
    }

    @Override
    public Optional<LedgerEntry> find(String reference) {
        return jdbc.query("select " + COLUMNS + " from ledger_entries where reference = ?", ENTRY, reference)
                .stream().findFirst();
    }

    @Override
    public BigDecimal balance(UUID userId) {
        return jdbc.query("select balance from wallet_accounts where user_id = ?",
                (rs, n) -> rs.getBigDecimal("balance"), userId).stream().findFirst().map(Amounts::exact)
                .orElse(Amounts.ZERO);
    }

    @Override
    public String currency() {
        return currency;
    }

    /** The account's latest {@code limit} entries, newest first. */
    public List<LedgerEntry> recent(UUID userId, int limit) {
        return jdbc.query("select " + COLUMNS + " from ledger_entries where user_id = ? order by seq desc limit ?",
                ENTRY, userId, limit);
    }

    /** The entries booked in {@code [from, to)}, in booking order. */
    public List<LedgerEntry> entries(UUID userId, Instant from, Instant to) {
        return jdbc.query("select " + COLUMNS + " from ledger_entries where user_id = ? and booked_at >= ?"
                + " and booked_at < ? order by seq", ENTRY, userId, Timestamp.from(from), Timestamp.from(to));
    }

    /** The balance just before {@code at}: the balance after the last entry booked earlier, zero without one. */
    public BigDecimal balanceBefore(UUID userId, Instant at) {
        return jdbc.query("select balance_after from ledger_entries where user_id = ? and booked_at < ?"
                + " order by seq desc limit 1", (rs, n) -> rs.getBigDecimal("balance_after"), userId,
                Timestamp.from(at)).stream().findFirst().map(Amounts::exact).orElse(Amounts.ZERO);
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                EntryKind.valueOf(rs.getString("kind")), Amounts.exact(rs.getBigDecimal("amount")),
                Amounts.exact(rs.getBigDecimal("balance_after")), rs.getString("description"),
                rs.getString("reference"), rs.getObject("actor_id", UUID.class),
                rs.getTimestamp("booked_at").toInstant());
    }

    private record Account(BigDecimal balance, long entries) {
    }
}
