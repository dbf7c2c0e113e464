package dev.paas.identity.apitokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All personal API tokens. */
@Repository
class ApiTokens {

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken token) {
        jdbc.sql("""
                insert into api_tokens (id, account_id, name, prefix, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.accountId(), token.name(), token.prefix(), token.tokenHash(),
                        Timestamp.from(token.createdAt()), Timestamp.from(token.expiresAt()))
                .update();
    }

    Optional<ApiToken> findByHash(String tokenHash) {
        return jdbc.sql("select * from api_tokens where token_hash = ?").param(tokenHash).query(ApiTokens::map)
                .optional();
    }

    Optional<ApiToken> findByIdAndAccount(UUID id, UUID accountId) {
        return jdbc.sql("select * from api_tokens where id = ? and account_id = ? for update")
                .params(id, accountId).query(ApiTokens::map).optional();
    }

    List<ApiToken> findUnrevokedOf(UUID accountId) {
        return jdbc.sql("select * from api_tokens where account_id = ? and revoked_at is null order by created_at desc, id desc")
                .param(accountId).query(ApiTokens::map).list();
    }

    void saveRevocation(ApiToken token) {
        jdbc.sql("update api_tokens set revoked_at = ? where id = ?")
                .params(Timestamp.from(token.revokedAt()), token.id()).update();
    }

    void saveLastUse(ApiToken token) {
        jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
                .params(Timestamp.from(token.lastUsedAt()), token.id()).update();
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("name"), rs.getString("prefix"), rs.getString("token_hash"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
