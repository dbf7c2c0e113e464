package dev.paas.identity.login;

import dev.paas.problems.TooManyRequests;
import java.time.Duration;

/** Too many failed sign-ins: the attempt was not looked at; try again after {@link #retryAfter()}. */
public class LoginThrottledException extends TooManyRequests {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-in attempts; try again in " + seconds(retryAfter) + " s", seconds(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least 1: the {@code Retry-After} value. */
    private static long seconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
