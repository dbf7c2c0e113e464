package dev.paas.project.projects;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks GitHub repository names ({@code owner/name}) before other services build API URLs from them. */
final class GithubRepositories {

    private static final Pattern OWNER_AND_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$");

    private GithubRepositories() {
    }

    /** Why {@code repository} is not an acceptable {@code owner/name}, or empty when it is. */
    static Optional<String> problemWith(String repository) {
        if (!OWNER_AND_NAME.matcher(repository).matches()) {
            return Optional.of("must be a GitHub repository as owner/name (letters, digits, '_', '.', '-')");
        }
        for (String part : repository.split("/")) {
            // "." and ".." match the pattern but would walk up the GitHub API's URL path.
            if (part.equals(".") || part.equals("..")) {
                return Optional.of("must be a GitHub repository as owner/name, not a relative path");
            }
        }
        return Optional.empty();
    }
}
