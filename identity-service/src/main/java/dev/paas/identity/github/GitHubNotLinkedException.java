package dev.paas.identity.github;

/** The caller asked GitHub for something but has no linked GitHub account, or GitHub no longer takes its token. */
public class GitHubNotLinkedException extends RuntimeException {

    private final boolean relink;

    GitHubNotLinkedException(boolean relink, String message) {
        super(message);
        this.relink = relink;
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
