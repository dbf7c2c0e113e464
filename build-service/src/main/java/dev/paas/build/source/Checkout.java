package dev.paas.build.source;

import java.nio.file.Path;

/**
 * A repository checked out at the head of the requested branch, or at the requested commit.
 *
 * @param directory the working tree
 * @param commitSha the full id of the commit
 * @param commitMessage the first line of its message
 * @param commitAuthor its author as {@code Name <email>}
 */
public record Checkout(Path directory, String commitSha, String commitMessage, String commitAuthor) {
}
