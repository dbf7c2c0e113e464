package dev.paas.runtime.rollout;

/**
 * What runs of a project: {@code DEPLOYING} until a first release serves, then {@code RUNNING}; {@code STOPPED}
 * by its owner, {@code SUSPENDED} by the platform (billing), {@code CRASH_LOOP} when it kept crashing.
 */
public enum AppState {
    DEPLOYING, RUNNING, STOPPED, SUSPENDED, CRASH_LOOP
}
