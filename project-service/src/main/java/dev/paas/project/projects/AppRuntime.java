package dev.paas.project.projects;

import java.time.Instant;
import java.util.Objects;

/**
 * What runtime-service last reported about a project's app: the {@code state} it put it in ({@code null} when it
 * reported nothing yet), {@code at} when, and how many replicas serve it while it runs ({@code instances}, the
 * latest count it was started or scaled to; 1 until told otherwise).
 */
public record AppRuntime(State state, Instant at, int instances) {

    /** Replicas of an app nobody scaled. */
    public static final int DEFAULT_INSTANCES = 1;

    /** Nothing reported yet. */
    public static final AppRuntime UNKNOWN = new AppRuntime(null, null, DEFAULT_INSTANCES);

    /**
     * This runtime after runtime-service reported {@code state} with {@code instances} replicas, {@code at}. A report
     * older than this one changes nothing, so reports arriving out of order cannot undo a newer one; only a running
     * app's count is kept (a stopped app has none, and starts again with the count it had).
     */
    public AppRuntime reported(State state, int instances, Instant at) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (this.at != null && at.isBefore(this.at)) {
            return this;
        }
        return new AppRuntime(state, at, state == State.RUNNING && instances > 0 ? instances : this.instances);
    }

    /** The states of {@code runtime.app-state-changed}; {@code CRASH_LOOP} also follows a detected crash loop. */
    public enum State {
        RUNNING, STOPPED, SUSPENDED, CRASH_LOOP
    }
}
