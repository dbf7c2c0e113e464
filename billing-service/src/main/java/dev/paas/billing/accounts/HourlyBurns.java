package dev.paas.billing.accounts;

import dev.paas.billing.wallets.EntryKind;
import dev.paas.billing.wallets.LedgerEntry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An account's current hourly burn: what the metering run charged it for the latest metered hour. Charges are kept by
 * ledger entry, so an entry seen twice counts once.
 */
@Component
class HourlyBurns {

    /**
     * How old the latest charged hour may be and still count as "now": the hour just completed, or the one before
     * when the run for the last one is late. Older charges mean nothing runs any more.
     */
    static final Duration CURRENT = Duration.ofHours(2);

    private final JdbcTemplate jdbc;

    HourlyBurns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts {@code entry} when it is a charge. */
    void record(LedgerEntry entry) {
        if (entry.kind() != EntryKind.CHARGE) {
            return;
        }
        jdbc.update("""
                insert into account_charges (entry_id, user_id, hour, amount) values (?, ?, ?, ?)
                on conflict (entry_id) do nothing""",
                entry.id(), entry.userId(), Timestamp.from(chargedHour(entry)), entry.amount());
    }

    /** What the account paid for its latest charged hour, positive; zero when it has not been charged lately. */
    BigDecimal of(UUID userId, Instant now) {
        BigDecimal charged = jdbc.queryForObject("""
                select coalesce(sum(amount), 0) from account_charges
                where user_id = ? and hour = (select max(hour) from account_charges where user_id = ? and hour >= ?)""",
                BigDecimal.class, userId, userId, Timestamp.from(now.minus(CURRENT).truncatedTo(ChronoUnit.HOURS)));
        return Money.exact(charged.negate().max(BigDecimal.ZERO));
    }

    /**
     * The hour a charge is for: the last part of its reference ({@code charge:<kind>:<resource>:<hour>}), else the
     * hour before it was booked, as the hourly run books an hour just after it ends.
     */
    static Instant chargedHour(LedgerEntry entry) {
        String[] parts = entry.reference() == null ? new String[0] : entry.reference().split(":", 4);
        if (parts.length == 4) {
            try {
                return OffsetDateTime.parse(parts[3]).toInstant().truncatedTo(ChronoUnit.HOURS);
            } catch (DateTimeParseException e) {
                // An unusual reference is still a charge: fall back to when it was booked.
            }
        }
        return entry.at().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    }
}
