package dev.paas.runtime.rollout;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Restarts and crash loops: every restart is recorded; the next start waits a back-off that starts at
 * {@code backoffInitial} and doubles up to {@code backoffMax}; {@code crashLoopRestarts} restarts of a project
 * within {@code crashLoopWindow} make a crash loop.
 */
class CrashRules {

    private final AppStore store;
    private final RuntimeProperties properties;
    private final Clock clock;

    CrashRules(AppStore store, RuntimeProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a restart of the container.
     *
     * @param previousBackoffMillis the back-off the replica waited before its last start, {@code 0} if none
     */
    Verdict restarted(UUID projectId, String containerId, Long exitCode, String reason, long previousBackoffMillis) {
        store.recordRestart(projectId, containerId, exitCode, reason, clock.instant());
        List<Long> exitCodes = store.restartsSince(projectId, clock.instant().minus(properties.crashLoopWindow()));
        return new Verdict(exitCodes.size() >= properties.crashLoopRestarts(), exitCodes,
                nextBackoff(previousBackoffMillis));
    }

    Duration nextBackoff(long previousMillis) {
        if (previousMillis <= 0) {
            return properties.backoffInitial();
        }
        long doubled = Math.min(previousMillis * 2, properties.backoffMax().toMillis());
        return Duration.ofMillis(doubled);
    }

    /**
     * @param crashLoop whether this restart makes a crash loop
     * @param exitCodes the exit codes of the restarts in the window, this one included
     * @param delay how long to wait before starting the container again
     */
    record Verdict(boolean crashLoop, List<Long> exitCodes, Duration delay) {
    }
}
