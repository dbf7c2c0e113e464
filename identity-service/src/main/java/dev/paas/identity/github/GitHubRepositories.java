package dev.paas.identity.github;

import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Lists a user's GitHub repositories and branches with their own linked token, for the project picker. */
@Service
public class GitHubRepositories {

    /** What GitHub allows in owner and repository names; also keeps {@code ..} and slashes out of API paths. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final GitHubApi github;
    private final GitHubTokens tokens;
    private final GitHubProperties properties;

    GitHubRepositories(GitHubApi github, GitHubTokens tokens, GitHubProperties properties) {
        this.github = github;
        this.tokens = tokens;
        this.properties = properties;
    }

    public List<RepositorySummary> repositories(UUID accountId) {
        return withToken(accountId, token -> github.repositories(token, properties.maxRepositories()), null);
    }

    public List<BranchSummary> branches(UUID accountId, String owner, String repository) {
        checkName("owner", owner);
        checkName("repo", repository);
        return withToken(accountId, token -> github.branches(token, owner, repository, 1000),
                owner + "/" + repository);
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    private static void checkName(String field, String value) {
        if (!validName(value)) {
            throw new InvalidInput(field, "must be 1 to 100 letters, digits, '.', '-' or '_'");
        }
    }

    private <T> T withToken(UUID accountId, Function<String, T> call, String repository) {
        String token;
        try {
            token = tokens.of(accountId).orElseThrow(GitHubNotLinkedException::notLinked);
        } catch (GitHubException e) {
            throw GitHubNotLinkedException.tokenRejected();
        }
        try {
            return call.apply(token);
        } catch (GitHubException e) {
            if (e.badCredentials()) {
                throw GitHubNotLinkedException.tokenRejected();
            }
            if (repository != null && (e.status() == 404 || e.status() == 403)) {
                throw new NotFound("GitHub repository", repository,
                        "it does not exist or your GitHub account cannot see it");
            }
            throw new GitHubUnavailableException(e);
        }
    }
}
