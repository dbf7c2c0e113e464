package dev.paas.billing.wallets;

import dev.paas.problems.InvalidInput;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' credits and debits of a wallet, with a reason, audited in {@code wallet_adjustments} next to the
 * ledger entry they booked. A bad amount, currency or reason is refused naming the field, and changes nothing.
 */
@Service
public class Adjustments {

    /** The largest amount one adjustment may move, either way. */
    public static final BigDecimal LIMIT = new BigDecimal("1000000");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,12}(\\.\\d+)?");
    private static final int MAX_REASON = 500;

    private final Wallets wallets;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Adjustments(Wallets wallets, JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this.wallets = wallets;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Books {@code amount} (a decimal string) on {@code userId}'s wallet. With an idempotency key, a repeated request
     * returns the entry booked the first time.
     */
    @Transactional
    public LedgerEntry adjust(UUID userId, String amount, String currency, String reason, UUID actorId,
            String idempotencyKey) {
        BigDecimal value = parse(amount);
        if (currency == null || !currency.equals(wallets.currency())) {
            throw new InvalidInput("currency", "must be " + wallets.currency() + ", the wallets' currency");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "must not be empty: say why the wallet is adjusted");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new InvalidInput("Idempotency-Key", "must be 1 to 100 characters");
        }
        String reference = "adjustment:" + userId + ":"
                + (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
        boolean repeated = wallets.find(reference).isPresent();
        LedgerEntry entry = wallets.append(userId, EntryKind.ADJUSTMENT, value, "adjustment: " + reason.strip(),
                reference, actorId);
        if (!repeated) {
            jdbc.update("""
                    insert into wallet_adjustments (id, user_id, amount, currency, reason, actor_id, entry_id, at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), userId, entry.amount(), currency,
                    reason.strip(), actorId, entry.id(), Timestamp.from(clock.instant()));
        }
        return entry;
    }

    /**
     * A signed decimal string: not zero (nor negative zero), at most {@link #LIMIT} either way, at most 4 decimals.
     */
    static BigDecimal parse(String amount) {
        if (amount == null || !DECIMAL.matcher(amount.strip()).matches()) {
            throw new InvalidInput("amount", "must be a decimal number as a string, such as \"-5.00\" or \"10\"");
        }
        BigDecimal value = new BigDecimal(amount.strip());
        if (value.signum() == 0) {
            throw new InvalidInput("amount", "must not be zero");
        }
        if (value.abs().compareTo(LIMIT) > 0) {
            throw new InvalidInput("amount", "must be at most " + LIMIT.toPlainString() + " either way");
        }
        if (!Amounts.fitsScale(value)) {
            throw new InvalidInput("amount", "must have at most " + Amounts.SCALE + " decimals");
        }
        return Amounts.exact(value);
    }
}
