package dev.paas.identity.github;

/** A branch of a GitHub repository and its head commit. */
public record BranchSummary(String name, String commitSha) {
}
