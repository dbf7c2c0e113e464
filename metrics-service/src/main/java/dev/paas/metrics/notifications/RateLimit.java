package dev.paas.metrics.notifications;

import java.time.Duration;

/**
 * At most {@code limit} notifications per channel in any {@code window}, so one flapping container cannot send a
 * thousand e-mails; what is over is suppressed and counted in the next notification the channel gets.
 */
record RateLimit(int limit, Duration window) {

    RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("paas.metrics.notifications.rate-limit must be at least 1, not " + limit);
        }
    }

    /** Whether a channel that got {@code countedInWindow} notifications within the window may get another one. */
    boolean admits(long countedInWindow) {
        return countedInWindow < limit;
    }
}
