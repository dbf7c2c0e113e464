package dev.paas.docker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * Every call to the Docker engine goes through here: the Resilience4j instances named {@value #INSTANCE}
 * (defaults in this module, overridden by {@code resilience4j.*.instances.docker.*}) and {@link DockerFailures}, so
 * callers see docker-java's answers (not found, conflict) or a {@link DockerUnavailable}. Auto-configured as a
 * bean; tests build one from plain instances.
 */
public final class DockerCalls extends ResilientCalls {

    /** Name of the circuit breaker, retry and time limiter instances. */
    public static final String INSTANCE = "docker";

    public DockerCalls(CircuitBreaker breaker, Retry retry, TimeLimiter timeLimiter) {
        super(breaker, retry, timeLimiter, new DockerFailures());
    }

    static DockerCalls from(CircuitBreakerRegistry breakers, RetryRegistry retries, TimeLimiterRegistry limiters) {
        return new DockerCalls(breakers.circuitBreaker(INSTANCE), retries.retry(INSTANCE),
                limiters.timeLimiter(INSTANCE));
    }
}
