package dev.paas.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Time limits and long-running calls of {@link ResilientCalls}, on plain Resilience4j instances. */
class ResilientCallsTest {

    private final CircuitBreaker breaker = CircuitBreaker.of("docker", CircuitBreakerConfig.custom()
            .slidingWindowSize(2).minimumNumberOfCalls(2).recordExceptions(DockerUnavailable.class).build());
    private final DockerCalls calls = new DockerCalls(breaker, Retry.ofDefaults("docker"),
            TimeLimiter.of(Duration.ofMillis(200)));

    @Test
    void walksAwayFromAStuckCallAndInterruptsIt() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();

        assertThatThrownBy(() -> calls.once("stop x", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        })).isInstanceOf(DockerUnavailable.class)
                .hasMessage("the Docker engine did not answer 'stop x' within 200 ms");
        await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void boundsNeitherTheDurationNorTheAttemptsOfALongRunningCall() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();

        String built = calls.longRunning("build x", () -> {
            attempts.incrementAndGet();
            // longer than the time limiter's 200 ms
            new CountDownLatch(1).await(400, TimeUnit.MILLISECONDS);
            return "built";
        });

        assertThat(built).isEqualTo("built");
        assertThat(attempts).hasValue(1);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void countsAnUnavailableEngineDuringALongRunningCallButNotAnInterruption() {
        assertThatThrownBy(() -> calls.longRunning("build x", () -> {
            throw new InterruptedException("stopping");
        })).isInstanceOf(InterruptedException.class);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calls.longRunning("build x", () -> {
                throw new RuntimeException(new ConnectException("Connection refused"));
            })).isInstanceOf(DockerUnavailable.class);
        }

        assertThat(calls.available()).isFalse();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.longRunning("build x", attempts::incrementAndGet))
                .isInstanceOf(DockerUnavailable.class).hasMessageContaining("unavailable");
        assertThat(attempts).hasValue(0);
    }
}
