package dev.paas.identity.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paas.fakegithub.FakeGitHub;
import dev.paas.fakegithub.GitHubUser;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubApiTest {

    private final FakeGitHub github = FakeGitHub.start();

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void stopsListingAtTheLimit() {
        GitHubUser user = github.addUser("many", 1, "many@example.com", true);
        for (int i = 0; i < 250; i++) {
            github.addRepository(user, "r" + i, null, "main");
        }
        GitHubApi api = new GitHubApi(properties(github.apiUrl()));

        assertThat(api.repositories(github.issueToken(user), 1000)).hasSize(250);
        assertThat(api.repositories(github.issueToken(user), 120)).hasSize(120);
    }

    @Test
    void reportsAnUnreachableGitHubAsTransient() {
        GitHubApi api = new GitHubApi(properties("http://127.0.0.1:1/api/v3"));

        GitHubException failure = catchThrowableOfType(GitHubException.class, () -> api.user("gho_token"));

        assertThat(failure.status()).isZero();
        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.getMessage()).doesNotContain("gho_token");
    }

    @Test
    void reportsRevokedTokensAsBadCredentials() {
        GitHubUser user = github.addUser("revoked", 2, "revoked@example.com", true);
        String token = github.issueToken(user);
        github.revokeTokens(user);

        GitHubException failure = catchThrowableOfType(GitHubException.class,
                () -> new GitHubApi(properties(github.apiUrl())).user(token));

        assertThat(failure.badCredentials()).isTrue();
        assertThat(failure.transientFailure()).isFalse();
    }

    private static GitHubProperties properties(String apiUrl) {
        return new GitHubProperties("id", "secret", "http://127.0.0.1:1", apiUrl, "http://paas.test/callback",
                "http://dashboard.test", "repo", Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(60),
                1000);
    }
}
