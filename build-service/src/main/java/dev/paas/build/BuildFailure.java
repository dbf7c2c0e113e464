package dev.paas.build;

/**
 * A build ended for a reason the user can act upon. The message is shown on the dashboard as is, so it says what went
 * wrong in the user's terms ({@code branch 'dev' not found in https://...}), never a stack trace.
 */
public class BuildFailure extends RuntimeException {

    public BuildFailure(String message) {
        super(message);
    }

    public BuildFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
