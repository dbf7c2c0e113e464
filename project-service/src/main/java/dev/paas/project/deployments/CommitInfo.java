package dev.paas.project.deployments;

/**
 * The commit a build reported: its full sha, the first line of its message and its author as
 * {@code Name <email>}; each {@code null} when the build did not get that far (or an older build-service sent none).
 */
public record CommitInfo(String sha, String message, String author) {

    /** Nothing known about the commit. */
    public static final CommitInfo UNKNOWN = new CommitInfo(null, null, null);
}
