package dev.paas.identity.github;

/**
 * A call to GitHub failed. {@code status} is GitHub's HTTP status, or 0 when GitHub could not be reached or
 * answered something unreadable. The message never contains a token.
 */
public class GitHubException extends RuntimeException {

    private final int status;

    GitHubException(int status, String message) {
        super(message);
        this.status = status;
    }

    GitHubException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    /** GitHub no longer accepts the token (revoked, expired, app uninstalled). */
    public boolean badCredentials() {
        return status == 401;
    }

    /** Unreachable, timed out, or a server-side error or rate limit: worth trying again later. */
    public boolean transientFailure() {
        return status == 0 || status >= 500 || status == 429;
    }
}
