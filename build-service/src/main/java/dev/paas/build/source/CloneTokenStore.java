package dev.paas.build.source;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newest GitHub token of each owner, still sealed as it arrived; never in clear text at rest. */
@Repository
class CloneTokenStore {

    private final JdbcClient jdbc;

    CloneTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code sealedToken} unless a token that changed later is already kept; {@code null} forgets it. */
    void keep(UUID ownerId, String githubLogin, String sealedToken, Instant changedAt) {
        jdbc.sql("""
                insert into github_clone_tokens (owner_id, github_login, sealed_token, changed_at)
                values (?, ?, ?, ?)
                on conflict (owner_id) do update set github_login = excluded.github_login,
                    sealed_token = excluded.sealed_token, changed_at = excluded.changed_at
                where github_clone_tokens.changed_at <= excluded.changed_at""")
                .params(ownerId, githubLogin, sealedToken, Timestamp.from(changedAt))
                .update();
    }

    Optional<String> sealedTokenOf(UUID ownerId) {
        return jdbc.sql("select sealed_token from github_clone_tokens where owner_id = ? and sealed_token is not null")
                .param(ownerId).query(String.class).optional();
    }
}
