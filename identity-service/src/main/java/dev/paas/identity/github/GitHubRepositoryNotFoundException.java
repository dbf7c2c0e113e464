package dev.paas.identity.github;

/** A repository GitHub does not show to the caller: missing, or not theirs to see. */
public class GitHubRepositoryNotFoundException extends RuntimeException {

    GitHubRepositoryNotFoundException(String repository) {
        super("GitHub repository " + repository + " was not found or your GitHub account cannot see it");
    }
}
