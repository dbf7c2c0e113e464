package dev.paas.build.builds;

import java.util.Optional;

/**
 * Whether the host admits new builds. While it does not, no queued build is claimed (running ones carry on) and
 * queued builds show why they wait. Implemented by the admission feature from the host's capacity.
 */
public interface Admission {

    /** Why new builds wait, {@code waiting for capacity: memory 91 % of host}; empty while the host admits them. */
    Optional<String> waitingFor();

    /** Published when the host admits builds again: the worker claims what waited without its next poll. */
    record Reopened() {
    }
}
