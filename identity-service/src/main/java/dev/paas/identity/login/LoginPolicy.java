package dev.paas.identity.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lock-out rules for one email, without storage: after {@code delayAfter} consecutive failures every attempt
 * waits {@code baseDelay * 2^(n - delayAfter)} after the last failure; the {@code lockAfter}-th failure locks the
 * email for {@code lockDuration}. When a lock ends, or the last failure is older than {@code lockDuration}, the
 * count starts over.
 */
class LoginPolicy {

    private final LoginLimits limits;

    LoginPolicy(LoginLimits limits) {
        this.limits = limits;
    }

    /** How long the email must still wait before an attempt is looked at; empty when it may try now. */
    Optional<Duration> waitBeforeAttempt(EmailFailures state, Instant now) {
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            return Optional.of(Duration.between(now, state.lockedUntil()));
        }
        EmailFailures current = forgetStale(state, now);
        if (current.failures() < limits.delayAfter()) {
            return Optional.empty();
        }
        Instant allowedAt = current.lastFailureAt().plus(delayAfter(current.failures()));
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    /** The state after one more failure at {@code now}; locked when it reached {@code lockAfter}. */
    EmailFailures afterFailure(EmailFailures state, Instant now) {
        int failures = forgetStale(state, now).failures() + 1;
        Instant lockedUntil = failures >= limits.lockAfter() ? now.plus(limits.lockDuration()) : null;
        return new EmailFailures(state.email(), failures, now, lockedUntil);
    }

    /** Whether {@code after} is a lock that {@code before} was not: the moment to audit a lock-out. */
    boolean lockedBy(EmailFailures before, EmailFailures after, Instant now) {
        boolean lockedBefore = before.lockedUntil() != null && now.isBefore(before.lockedUntil());
        return after.lockedUntil() != null && !lockedBefore;
    }

    Duration delayAfter(int failures) {
        int exponent = Math.min(failures - limits.delayAfter(), 20);
        return limits.baseDelay().multipliedBy(1L << exponent);
    }

    private EmailFailures forgetStale(EmailFailures state, Instant now) {
        boolean lockEnded = state.lockedUntil() != null && !now.isBefore(state.lockedUntil());
        boolean longAgo = state.lastFailureAt() != null
                && !now.isBefore(state.lastFailureAt().plus(limits.lockDuration()));
        return lockEnded || longAgo ? EmailFailures.none(state.email()) : state;
    }
}
