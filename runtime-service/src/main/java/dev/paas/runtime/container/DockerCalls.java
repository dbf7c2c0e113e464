package dev.paas.runtime.container;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every Docker engine call goes through here: a time limit, a circuit breaker (instance {@code docker}) and,
 * for calls that are safe to repeat, a bounded retry.
 */
final class DockerCalls {

    static final String INSTANCE = "docker";

    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    // docker-java blocks; each call gets a virtual thread so the time limiter can walk away from a stuck one
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    DockerCalls(CircuitBreaker breaker, Retry retry, TimeLimiter timeLimiter) {
        this.breaker = breaker;
        this.retry = retry;
        this.timeLimiter = timeLimiter;
    }

    static DockerCalls from(CircuitBreakerRegistry breakers, RetryRegistry retries, TimeLimiterRegistry limiters) {
        return new DockerCalls(breakers.circuitBreaker(INSTANCE), retries.retry(INSTANCE),
                limiters.timeLimiter(INSTANCE));
    }

    /** A call that changes nothing when repeated (inspect, list, logs, stop, remove, update). */
    <T> T idempotent(String what, Supplier<T> call) {
        return Retry.decorateSupplier(retry, guarded(what, call)).get();
    }

    /** A call that must not be repeated blindly (create, start). */
    <T> T once(String what, Supplier<T> call) {
        return guarded(what, call).get();
    }

    void idempotent(String what, Runnable call) {
        idempotent(what, () -> {
            call.run();
            return null;
        });
    }

    void once(String what, Runnable call) {
        once(what, () -> {
            call.run();
            return null;
        });
    }

    private <T> Supplier<T> guarded(String what, Supplier<T> call) {
        return CircuitBreaker.decorateSupplier(breaker, () -> timeLimited(what, call));
    }

    private <T> T timeLimited(String what, Supplier<T> call) {
        try {
            return timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(call, executor));
        } catch (TimeoutException e) {
            throw new DockerUnavailable("Docker did not answer '" + what + "' within "
                    + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw unwrap(what, e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw unwrap(what, e);
        }
    }

    private static RuntimeException unwrap(String what, Throwable cause) {
        if (cause instanceof ExecutionException nested && nested.getCause() != null) {
            cause = nested.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new DockerUnavailable("Docker call '" + what + "' failed: " + cause, cause);
    }
}
