package dev.paas.identity.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All refresh tokens, by the SHA-256 of their value. */
@Repository
class RefreshTokens {

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The token with this hash, locked until the transaction ends so that two uses of it cannot both succeed. */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return jdbc.sql("select * from refresh_tokens where token_hash = ? for update").param(tokenHash)
                .query(RefreshTokens::map).optional();
    }

    void insert(RefreshToken token) {
        jdbc.sql("""
                insert into refresh_tokens (id, family_id, account_id, token_hash, auth_method, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.familyId(), token.accountId(), token.tokenHash(), token.authMethod(),
                        Timestamp.from(token.createdAt()), Timestamp.from(token.expiresAt()))
                .update();
    }

    void markUsed(RefreshToken token) {
        jdbc.sql("update refresh_tokens set used_at = ? where id = ?")
                .params(Timestamp.from(token.usedAt()), token.id()).update();
    }

    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamp.from(now), familyId).update();
    }

    int revokeAllOf(UUID accountId, Instant now) {
        return jdbc.sql("update refresh_tokens set revoked_at = ? where account_id = ? and revoked_at is null")
                .params(Timestamp.from(now), accountId).update();
    }

    /** Forgets tokens long expired; reuse of them is then merely an unknown token. */
    int deleteExpiredBefore(Instant instant) {
        return jdbc.sql("delete from refresh_tokens where expires_at < ?").param(Timestamp.from(instant)).update();
    }

    private static RefreshToken map(ResultSet rs, int row) throws SQLException {
        return new RefreshToken(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                rs.getObject("account_id", UUID.class), rs.getString("token_hash"), rs.getString("auth_method"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
