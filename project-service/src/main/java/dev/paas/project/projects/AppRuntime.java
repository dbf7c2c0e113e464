package dev.paas.project.projects;

import java.time.Instant;

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

    /** The states of {@code runtime.app-state-changed}; {@code CRASH_LOOP} also follows a detected crash loop. */
    public enum State {
        RUNNING, STOPPED, SUSPENDED, CRASH_LOOP
    }
}
