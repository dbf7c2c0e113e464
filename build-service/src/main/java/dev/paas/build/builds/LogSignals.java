package dev.paas.build.builds;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Wakes the followers of a build's log when this instance has written lines of it, so they need not poll for
 * builds that run here. Followers of builds running on another instance are woken by their poll interval only.
 */
@Component
final class LogSignals {

    private final ConcurrentHashMap<UUID, Set<Signal>> waiting = new ConcurrentHashMap<>();

    Signal register(UUID buildId) {
        Signal signal = new Signal();
        waiting.computeIfAbsent(buildId, id -> ConcurrentHashMap.newKeySet()).add(signal);
        return signal;
    }

    void unregister(UUID buildId, Signal signal) {
        waiting.computeIfPresent(buildId, (id, signals) -> {
            signals.remove(signal);
            return signals.isEmpty() ? null : signals;
        });
    }

    /** Lines of {@code buildId} were written. */
    void raise(UUID buildId) {
        Set<Signal> signals = waiting.get(buildId);
        if (signals != null) {
            signals.forEach(Signal::raise);
        }
    }

    void raiseAll() {
        waiting.values().forEach(signals -> signals.forEach(Signal::raise));
    }

    /** One follower's wake-up call: raised signals are remembered until the follower waits for them. */
    static final class Signal {

        private boolean raised;

        synchronized void raise() {
            raised = true;
            notifyAll();
        }

        /** Waits until raised or {@code atMost} has passed; whether it was raised. */
        synchronized boolean await(Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            long left;
            while (!raised && (left = deadline - System.nanoTime()) > 0) {
                waitNanos(left);
            }
            boolean wasRaised = raised;
            raised = false;
            return wasRaised;
        }

        private void waitNanos(long nanos) throws InterruptedException {
            wait(Math.max(1, nanos / 1_000_000), 0);
        }
    }
}
