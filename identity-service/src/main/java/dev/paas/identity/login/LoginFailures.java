package dev.paas.identity.login;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed sign-ins per email and per client address, and address locks. */
@Repository
class LoginFailures {

    private final JdbcClient jdbc;

    LoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The email's failures, its row locked until the transaction ends: concurrent attempts on one email are
     * judged one after the other, so parallel guessing gains nothing.
     */
    EmailFailures lockEmail(String email) {
        jdbc.sql("insert into login_email_failures (email, failures) values (?, 0) on conflict do nothing")
                .param(email).update();
        return jdbc.sql("select * from login_email_failures where email = ? for update").param(email)
                .query((rs, row) -> new EmailFailures(rs.getString("email"), rs.getInt("failures"),
                        instant(rs.getTimestamp("last_failure_at")), instant(rs.getTimestamp("locked_until"))))
                .single();
    }

    void save(EmailFailures state) {
        jdbc.sql("update login_email_failures set failures = ?, last_failure_at = ?, locked_until = ? where email = ?")
                .params(state.failures(), timestamp(state.lastFailureAt()), timestamp(state.lockedUntil()),
                        state.email())
                .update();
    }

    void forget(String email) {
        jdbc.sql("delete from login_email_failures where email = ?").param(email).update();
    }

    Optional<Instant> addressLockedUntil(String address, Instant now) {
        return jdbc.sql("select locked_until from login_address_locks where address = ? and locked_until > ?")
                .params(address, Timestamp.from(now)).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Records a failure from {@code address}; answers how many it had within the window, this one included. */
    int recordAddressFailure(String address, Instant now, Instant windowStart) {
        jdbc.sql("insert into login_address_failures (address, failed_at) values (?, ?)")
                .params(address, Timestamp.from(now)).update();
        return jdbc.sql("select count(*) from login_address_failures where address = ? and failed_at > ?")
                .params(address, Timestamp.from(windowStart)).query(Integer.class).single();
    }

    void lockAddress(String address, Instant until) {
        jdbc.sql("""
                insert into login_address_locks (address, locked_until) values (?, ?)
                on conflict (address) do update set locked_until = excluded.locked_until""")
                .params(address, Timestamp.from(until)).update();
        jdbc.sql("delete from login_address_failures where address = ?").param(address).update();
    }

    /** Drops what no longer counts: failures and locks older than {@code before}. */
    void forgetOlderThan(Instant before) {
        Timestamp cutoff = Timestamp.from(before);
        jdbc.sql("delete from login_address_failures where failed_at < ?").param(cutoff).update();
        jdbc.sql("delete from login_address_locks where locked_until < ?").param(cutoff).update();
        jdbc.sql("""
                delete from login_email_failures
                where coalesce(locked_until, last_failure_at, 'epoch'::timestamptz) < ?""").param(cutoff).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
