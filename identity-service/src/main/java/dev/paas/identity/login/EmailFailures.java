package dev.paas.identity.login;

import java.time.Instant;

/** The consecutive failed sign-ins of one normalised email, and the lock they led to. */
record EmailFailures(String email, int failures, Instant lastFailureAt, Instant lockedUntil) {

    static EmailFailures none(String email) {
        return new EmailFailures(email, 0, null, null);
    }
}
