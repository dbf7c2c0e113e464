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
 * The {@code state} values handed to GitHub, kept as SHA-256 only. Taking one deletes it, so a state works once
 * even when two callbacks race.
 */
@Repository
class OAuthStates {

    private final JdbcClient jdbc;

    OAuthStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String state, PendingAuthorization pending, Instant now, Instant expiresAt) {
        jdbc.sql("delete from github_oauth_states where expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("""
                insert into github_oauth_states (state_hash, code_verifier, link_account_id, created_at, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(OpaqueTokens.sha256(state), pending.sealedVerifier(), pending.linkAccountId(),
                        Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /** Removes the state and answers what it stood for, unless it is unknown, used or expired. */
    Optional<PendingAuthorization> take(String state, Instant now) {
        return jdbc.sql("""
                delete from github_oauth_states where state_hash = ?
                returning code_verifier, link_account_id, expires_at""")
                .param(OpaqueTokens.sha256(state))
                .query((rs, row) -> rs.getTimestamp("expires_at").toInstant().isAfter(now)
                        ? new PendingAuthorization(rs.getString("code_verifier"),
                                rs.getObject("link_account_id", UUID.class))
                        : null)
                .list().stream().filter(Objects::nonNull).findFirst();
    }
}
