package dev.paas.metrics.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** When a failed delivery is tried again: after each delay in turn; after the last one it is given up. */
record Backoff(List<Duration> delays) {

    Backoff {
        delays = List.copyOf(delays);
    }

    /** The wait after the {@code attempts}-th failed attempt; empty when no attempt is left. */
    Optional<Duration> after(int attempts) {
        return attempts >= 1 && attempts <= delays.size() ? Optional.of(delays.get(attempts - 1)) : Optional.empty();
    }

    int maxAttempts() {
        return delays.size() + 1;
    }
}
