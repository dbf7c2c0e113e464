package dev.paas.database.engine;

import java.time.Instant;

/**
 * What Docker says of a database container.
 *
 * @param state {@code MISSING} (no such container), {@code RUNNING}, or {@code EXITED} (created, stopped or dead)
 * @param exitCode the last exit code when it exited, else {@code null}
 * @param startedAt when it last started, or {@code null}
 * @param oomKilled whether the kernel killed it for memory
 */
public record ContainerStatus(State state, Long exitCode, Instant startedAt, boolean oomKilled) {

    public enum State { MISSING, RUNNING, EXITED }

    public static ContainerStatus missing() {
        return new ContainerStatus(State.MISSING, null, null, false);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
