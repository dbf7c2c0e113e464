package dev.paas.identity.github;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which account is which GitHub user. One GitHub user per account and one account per GitHub user. */
@Repository
class GitHubLinks {

    private static final RowMapper<GitHubLink> ROW = (rs, row) -> new GitHubLink(
            rs.getObject("account_id", UUID.class), rs.getLong("github_user_id"), rs.getString("github_login"),
            rs.getString("access_token"), rs.getString("scopes"));

    private final JdbcClient jdbc;

    GitHubLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GitHubLink> findByAccount(UUID accountId) {
        return jdbc.sql("select * from github_links where account_id = ?").param(accountId).query(ROW).optional();
    }

    Optional<GitHubLink> findByGitHubUser(long githubUserId) {
        return jdbc.sql("select * from github_links where github_user_id = ?").param(githubUserId).query(ROW)
                .optional();
    }

    /** Links or re-links the account; the token is replaced by the newest one. */
    void save(GitHubLink link, Instant now) {
        jdbc.sql("""
                insert into github_links (account_id, github_user_id, github_login, access_token, scopes, linked_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (account_id) do update set github_user_id = excluded.github_user_id,
                    github_login = excluded.github_login, access_token = excluded.access_token,
                    scopes = excluded.scopes, updated_at = excluded.updated_at""")
                .params(link.accountId(), link.githubUserId(), link.githubLogin(), link.sealedToken(), link.scopes(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }
}
