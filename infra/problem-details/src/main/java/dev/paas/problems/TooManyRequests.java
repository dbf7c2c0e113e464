package dev.paas.problems;

/**
 * The caller must slow down (429); the handler sends {@code Retry-After} with {@link #retryAfterSeconds()} and the
 * same number as the problem member {@code retryAfterSeconds}.
 */
public non-sealed class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(detail, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds the caller should wait. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
