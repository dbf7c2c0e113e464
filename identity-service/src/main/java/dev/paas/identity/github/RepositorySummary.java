package dev.paas.identity.github;

/**
 * A GitHub repository as the project picker shows it.
 *
 * @param canAdmin whether the user may administer it, which registering the push webhook needs
 */
public record RepositorySummary(String fullName, String name, String owner, boolean isPrivate,
        String defaultBranch, String cloneUrl, String htmlUrl, boolean canAdmin) {
}
