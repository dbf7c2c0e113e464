package dev.paas.docker;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;

/**
 * How {@link ResilientCalls} names the failures of one engine: which exceptions mean "the engine is unavailable"
 * (retried, counted by the circuit breaker) and which are the engine's answer (returned to the caller unchanged).
 * One implementation per engine: {@link DockerFailures} for Docker; a service adds its own for another admin API.
 */
public interface CallFailures {

    /**
     * What the call threw, as the caller should see it: the engine's answers (not found, conflict, a refusal) and
     * programming errors unchanged, anything that says the engine could not be reached or failed as the engine's
     * "unavailable" exception.
     */
    RuntimeException translate(String what, Throwable failure);

    /** The call did not finish within the time limiter's limit. */
    RuntimeException timedOut(String what, Duration limit);

    /** The circuit breaker is open: recent calls failed, so this one was not made. */
    RuntimeException rejected(String what, CallNotPermittedException rejection);
}
