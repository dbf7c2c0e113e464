package dev.paas.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configured {@link DockerCalls} with the module's default policy, against a fake call that counts its
 * attempts (the engine itself is exercised by the ITs).
 */
class DockerCallsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
                    RetryAutoConfiguration.class, TimeLimiterAutoConfiguration.class,
                    DockerClientAutoConfiguration.class));

    /** Keeps the tests fast; everything else is the module's default. */
    private final ApplicationContextRunner quick = context
            .withPropertyValues("resilience4j.retry.instances.docker.wait-duration=10ms");

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void configuresTheDockerInstancesWithTheModulesDefaults() {
        context.run(beans -> {
            assertThat(beans).hasSingleBean(DockerClient.class).hasSingleBean(DockerCalls.class);
            assertThat(beans.getBean(TimeLimiterRegistry.class).timeLimiter("docker").getTimeLimiterConfig()
                    .getTimeoutDuration()).isEqualTo(Duration.ofSeconds(30));
            assertThat(beans.getBean(RetryRegistry.class).retry("docker").getRetryConfig().getMaxAttempts())
                    .isEqualTo(3);
            var breaker = beans.getBean(CircuitBreakerRegistry.class).circuitBreaker("docker")
                    .getCircuitBreakerConfig();
            assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(10);
            assertThat(breaker.getRecordExceptionPredicate().test(new DockerUnavailable("down", null))).isTrue();
            assertThat(breaker.getRecordExceptionPredicate().test(new NotFoundException("gone"))).isFalse();
            assertThat(beans.getBean(DockerClientProperties.class).host()).isEqualTo(
                    System.getenv().getOrDefault("PAAS_DOCKER_HOST", "unix:///var/run/docker.sock"));
        });
    }

    @Test
    void letsAServiceOverrideSingleSettings() {
        context.withPropertyValues("resilience4j.timelimiter.instances.docker.timeout-duration=5s",
                "resilience4j.circuitbreaker.instances.docker.minimum-number-of-calls=4",
                "paas.docker.host=tcp://127.0.0.1:2375", "paas.docker.response-timeout=16m").run(beans -> {
                    assertThat(beans.getBean(TimeLimiterRegistry.class).timeLimiter("docker")
                            .getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(5));
                    var breaker = beans.getBean(CircuitBreakerRegistry.class).circuitBreaker("docker")
                            .getCircuitBreakerConfig();
                    assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(4);
                    assertThat(breaker.getSlidingWindowSize()).as("the module's default").isEqualTo(20);
                    DockerClientProperties properties = beans.getBean(DockerClientProperties.class);
                    assertThat(properties.host()).isEqualTo("tcp://127.0.0.1:2375");
                    assertThat(properties.responseTimeout()).isEqualTo(Duration.ofMinutes(16));
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void retriesAnIdempotentCallWhileTheEngineIsUnavailable() {
        quick.run(beans -> {
            String answer = beans.getBean(DockerCalls.class).idempotent("inspect x",
                    failingTimes(2, () -> "inspected"));

            assertThat(answer).isEqualTo("inspected");
            assertThat(attempts).hasValue(3);
        });
    }

    @Test
    void givesUpOnAnUnavailableEngineAfterThreeAttempts() {
        quick.run(beans -> {
            assertThatThrownBy(() -> beans.getBean(DockerCalls.class).idempotent("inspect x",
                    failingTimes(10, () -> "never")))
                    .isInstanceOf(DockerUnavailable.class)
                    .hasMessageContaining("could not be reached for 'inspect x'");
            assertThat(attempts).hasValue(3);
        });
    }

    @Test
    void neverRetriesTheEnginesAnswer() {
        quick.run(beans -> {
            assertThatThrownBy(() -> beans.getBean(DockerCalls.class).idempotent("inspect x", () -> {
                attempts.incrementAndGet();
                throw new NotFoundException("Status 404: {\"message\":\"No such container: x\"}");
            })).isInstanceOf(NotFoundException.class);
            assertThat(attempts).hasValue(1);
        });
    }

    @Test
    void neverRetriesACallThatMustHappenOnce() {
        quick.run(beans -> {
            assertThatThrownBy(() -> beans.getBean(DockerCalls.class).once("create x",
                    failingTimes(1, () -> "created"))).isInstanceOf(DockerUnavailable.class);
            assertThat(attempts).hasValue(1);
        });
    }

    @Test
    void opensTheBreakerWhenHalfOfTenCallsFindTheEngineUnavailableAndThenStopsCalling() {
        quick.run(beans -> {
            DockerCalls calls = beans.getBean(DockerCalls.class);
            for (int i = 0; i < 5; i++) {
                calls.once("ping", () -> attempts.incrementAndGet());
            }
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> calls.once("ping", failingTimes(100, () -> 0)))
                        .isInstanceOf(DockerUnavailable.class);
            }
            assertThat(calls.available()).isFalse();
            attempts.set(0);

            assertThatThrownBy(() -> calls.idempotent("ping", () -> attempts.incrementAndGet()))
                    .isInstanceOf(DockerUnavailable.class)
                    .hasMessage("the Docker engine is unavailable (recent calls failed; it is tried again shortly)");
            assertThat(attempts).as("no call reaches the engine, none is retried").hasValue(0);
        });
    }

    @Test
    void keepsTheBreakerClosedWhateverTheEngineAnswers() {
        quick.run(beans -> {
            DockerCalls calls = beans.getBean(DockerCalls.class);
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> calls.once("inspect x", () -> {
                    throw new NotFoundException("gone");
                })).isInstanceOf(NotFoundException.class);
            }

            assertThat(calls.available()).isTrue();
            assertThat(beans.getBean(CircuitBreakerRegistry.class).circuitBreaker("docker").getState())
                    .isEqualTo(CircuitBreaker.State.CLOSED);
        });
    }

    /** A call that fails as an unreachable socket does {@code failures} times, then answers. */
    private <T> Callable<T> failingTimes(int failures, Callable<T> answer) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new RuntimeException(new ConnectException("Connection refused"));
            }
            return answer.call();
        };
    }
}
