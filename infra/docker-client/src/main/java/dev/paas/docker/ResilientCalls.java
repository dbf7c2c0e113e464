package dev.paas.docker;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking calls to an engine the platform drives (the Docker engine, Caddy's admin API), made under one named set
 * of Resilience4j instances: every call is time-limited and passes the circuit breaker; calls that are safe to
 * repeat are also retried, with the bounds the retry instance sets. The instances come from the registries, so
 * {@code resilience4j.*.instances.<name>} properties configure them. Failures reach the caller as its
 * {@link CallFailures} translate them, an open breaker included.
 *
 * <p>Used through {@link DockerCalls} for Docker; runtime-service's Caddy routes make their own instance.
 */
public class ResilientCalls {

    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final CallFailures failures;
    // The calls block; each gets a virtual thread so that the time limiter can walk away from (and interrupt) a
    // stuck one.
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public ResilientCalls(CircuitBreaker breaker, Retry retry, TimeLimiter timeLimiter, CallFailures failures) {
        this.breaker = breaker;
        this.retry = retry;
        this.timeLimiter = timeLimiter;
        this.failures = failures;
    }

    /** The calls of the instances named {@code instance} in the three registries. */
    public static ResilientCalls of(String instance, CircuitBreakerRegistry breakers, RetryRegistry retries,
            TimeLimiterRegistry timeLimiters, CallFailures failures) {
        return new ResilientCalls(breakers.circuitBreaker(instance), retries.retry(instance),
                timeLimiters.timeLimiter(instance), failures);
    }

    /** Whether calls are let through: false while the breaker holds the engine for unavailable. */
    public boolean available() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> false;
            default -> true;
        };
    }

    /** A call that changes nothing more when repeated (inspect, list, stop, remove, a look-then-change step). */
    public <T> T idempotent(String what, Callable<T> call) {
        try {
            return retry.executeSupplier(() -> guarded(what, call));
        } catch (CallNotPermittedException e) {
            throw failures.rejected(what, e);
        }
    }

    /** A call that must not be repeated blindly (create, start): time-limited and guarded, never retried. */
    public <T> T once(String what, Callable<T> call) {
        try {
            return guarded(what, call);
        } catch (CallNotPermittedException e) {
            throw failures.rejected(what, e);
        }
    }

    /**
     * A call whose duration the caller bounds itself (a streamed image build): guarded by the breaker, neither
     * time-limited nor retried. An interruption is handed back without counting against the engine.
     */
    public <T> T longRunning(String what, LongCall<T> call) throws InterruptedException {
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            throw failures.rejected(what, e);
        }
        long start = System.nanoTime();
        try {
            T result = call.call();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (InterruptedException e) {
            breaker.releasePermission();
            throw e;
        } catch (RuntimeException e) {
            RuntimeException failure = failures.translate(what, e);
            // The breaker's own configuration decides whether this failure counts (recorded, ignored).
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
            throw failure;
        }
    }

    private <T> T guarded(String what, Callable<T> call) {
        return breaker.executeSupplier(() -> timeLimited(what, call));
    }

    private <T> T timeLimited(String what, Callable<T> call) {
        Future<T> future = executor.submit(call);
        try {
            return timeLimiter.executeFutureSupplier(() -> future);
        } catch (TimeoutException e) {
            throw failures.timedOut(what, timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw failures.translate(what, e);
        } catch (Exception e) {
            throw failures.translate(what, e);
        }
    }

    /** A long call that may be interrupted. */
    @FunctionalInterface
    public interface LongCall<T> {

        T call() throws InterruptedException;
    }
}
