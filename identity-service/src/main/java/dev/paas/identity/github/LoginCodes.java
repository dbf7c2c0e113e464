package dev.paas.identity.github;

import dev.paas.identity.secrets.OpaqueTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time codes that carry a finished GitHub sign-in from the callback to the dashboard: the callback can only
 * redirect, and tokens do not belong in a URL. Stored as SHA-256; redeeming deletes the code.
 */
@Repository
class LoginCodes {

    static final String PREFIX = "paas_gl_";

    private final JdbcClient jdbc;

    LoginCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String issue(UUID accountId, Instant now, Instant expiresAt) {
        jdbc.sql("delete from github_login_codes where expires_at < ?").param(Timestamp.from(now)).update();
        String code = OpaqueTokens.generate(PREFIX);
        jdbc.sql("insert into github_login_codes (code_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(OpaqueTokens.sha256(code), accountId, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        return code;
    }

    /** The account the code signs in, once; empty for unknown, used or expired codes. */
    Optional<UUID> redeem(String code, Instant now) {
        if (!OpaqueTokens.looksLike(code, PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("delete from github_login_codes where code_hash = ? returning account_id, expires_at")
                .param(OpaqueTokens.sha256(code))
                .query((rs, row) -> rs.getTimestamp("expires_at").toInstant().isAfter(now)
                        ? rs.getObject("account_id", UUID.class) : null)
                .list().stream().filter(Objects::nonNull).findFirst();
    }
}
