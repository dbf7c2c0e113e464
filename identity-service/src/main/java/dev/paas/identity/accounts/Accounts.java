package dev.paas.identity.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All accounts. */
@Repository
class Accounts {

    /** Serialises decisions that depend on how many (admin) accounts exist: first admin, last admin. */
    private static final long ADMIN_DECISIONS_LOCK = 0x7061617341646d6eL;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the transaction-scoped lock under which admin counts are read and changed. */
    void lockAdminDecisions() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ADMIN_DECISIONS_LOCK).query((rs, row) -> 1).list();
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from accounts)").query(Boolean.class).single();
    }

    /** Enabled admins other than {@code id}: whether {@code id} may stop being one. */
    long countEnabledAdminsOtherThan(UUID id) {
        return jdbc.sql("select count(*) from accounts where role = ? and not disabled and id <> ?")
                .params(Role.ADMIN.value(), id).query(Long.class).single();
    }

    boolean existsByEmail(String email) {
        return jdbc.sql("select exists (select 1 from accounts where email = ?)").param(email)
                .query(Boolean.class).single();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select * from accounts where id = ?").param(id).query(Accounts::map).optional();
    }

    Optional<Account> findByIdForUpdate(UUID id) {
        return jdbc.sql("select * from accounts where id = ? for update").param(id).query(Accounts::map).optional();
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select * from accounts where email = ?").param(email).query(Accounts::map).optional();
    }

    List<Account> findAllByOrderByCreatedAt() {
        return jdbc.sql("select * from accounts order by created_at, id").query(Accounts::map).list();
    }

    void insert(Account account) {
        jdbc.sql("""
                insert into accounts (id, email, password_hash, role, disabled, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(account.id(), account.email(), account.passwordHash(), account.role().value(), account.disabled(),
                        Timestamp.from(account.createdAt()))
                .update();
    }

    void update(Account account) {
        jdbc.sql("update accounts set role = ?, disabled = ? where id = ?")
                .params(account.role().value(), account.disabled(), account.id())
                .update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                Role.stored(rs.getString("role")), rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant());
    }
}
