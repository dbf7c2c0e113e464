package dev.paas.identity.github;

import dev.paas.problems.BadGateway;

/** GitHub could not be reached or failed on its side. */
public class GitHubUnavailableException extends BadGateway {

    GitHubUnavailableException(GitHubException cause) {
        super("GitHub is not reachable or failed: " + cause.getMessage(), cause);
    }
}
