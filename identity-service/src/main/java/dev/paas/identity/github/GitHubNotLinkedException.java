package dev.paas.identity.github;

import dev.paas.problems.Conflict;

/**
 * The caller asked GitHub for something but has no linked GitHub account, or GitHub no longer takes its token. The
 * problem says where to link ({@code linkUrl}) and whether a link existed ({@code relink}).
 */
public class GitHubNotLinkedException extends Conflict {

    private final boolean relink;

    GitHubNotLinkedException(boolean relink, String message) {
        super(message);
        this.relink = relink;
        with("linkUrl", "/api/v1/auth/github/authorize");
        with("relink", relink);
    }

    static GitHubNotLinkedException notLinked() {
        return new GitHubNotLinkedException(false, "link your GitHub account first");
    }

    static GitHubNotLinkedException tokenRejected() {
        return new GitHubNotLinkedException(true,
                "GitHub no longer accepts the token of your linked account; link your GitHub account again");
    }

    /** Whether the account was linked but the link must be renewed. */
    public boolean relink() {
        return relink;
    }
}
