package dev.paas.billing.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The accounts' standing rows. Every read locks the rows it returns ({@code for update}) so that two replicas, or a
 * booking and the periodic check, change one account one after the other.
 */
@Repository
class AccountStandings {

    private final JdbcTemplate jdbc;

    AccountStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's standing, locked until the transaction ends; a new one for an account never seen before. */
    AccountStanding lock(UUID userId, Instant now) {
        AccountStanding opened = AccountStanding.opened(userId);
        jdbc.update("""
                insert into account_standing (user_id, balance, low_notified, updated_at) values (?, ?, false, ?)
                on conflict (user_id) do nothing""", userId, opened.balance(), Timestamp.from(now));
        return jdbc.queryForObject("select * from account_standing where user_id = ? for update",
                AccountStandings::map, userId);
    }

    /**
     * Up to {@code limit} accounts whose grace period has ended by {@code now} and that are not suspended yet,
     * locked; rows another replica is checking right now are skipped, it suspends them.
     */
    List<AccountStanding> lockGraceEndedBy(Instant now, int limit) {
        return jdbc.query("""
                select * from account_standing
                where grace_ends_at <= ? and suspended_at is null
                order by grace_ends_at limit ? for update skip locked""",
                AccountStandings::map, Timestamp.from(now), limit);
    }

    void save(AccountStanding standing, Instant now) {
        jdbc.update("""
                update account_standing set balance = ?, low_notified = ?, grace_started_at = ?, grace_ends_at = ?,
                suspended_at = ?, updated_at = ? where user_id = ?""",
                standing.balance(), standing.lowNotified(), timestamp(standing.graceStartedAt()),
                timestamp(standing.graceEndsAt()), timestamp(standing.suspendedAt()), Timestamp.from(now),
                standing.userId());
    }

    /** The standing without a lock, for reading. */
    java.util.Optional<AccountStanding> find(UUID userId) {
        return jdbc.query("select * from account_standing where user_id = ?", AccountStandings::map, userId)
                .stream().findFirst();
    }

    private static AccountStanding map(ResultSet row, int rowNum) throws SQLException {
        return new AccountStanding(row.getObject("user_id", UUID.class), row.getBigDecimal("balance"),
                row.getBoolean("low_notified"), instant(row.getTimestamp("grace_started_at")),
                instant(row.getTimestamp("grace_ends_at")), instant(row.getTimestamp("suspended_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
