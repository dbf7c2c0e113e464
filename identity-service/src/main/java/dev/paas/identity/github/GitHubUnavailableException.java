package dev.paas.identity.github;

/** GitHub could not be reached or failed on its side. */
public class GitHubUnavailableException extends RuntimeException {

    GitHubUnavailableException(GitHubException cause) {
        super("GitHub is not reachable or failed: " + cause.getMessage(), cause);
    }
}
