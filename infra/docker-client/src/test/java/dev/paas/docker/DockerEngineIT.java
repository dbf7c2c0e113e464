package dev.paas.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configured client and calls against the real Docker engine ({@code PAAS_DOCKER_HOST} or the socket). */
class DockerEngineIT {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
                    RetryAutoConfiguration.class, TimeLimiterAutoConfiguration.class,
                    DockerClientAutoConfiguration.class))
            .withPropertyValues("resilience4j.retry.instances.docker.wait-duration=10ms");

    @Test
    void reachesTheEngineThroughTheConfiguredClient() {
        context.run(beans -> {
            DockerClient docker = beans.getBean(DockerClient.class);
            DockerCalls calls = beans.getBean(DockerCalls.class);

            calls.idempotent("ping", () -> docker.pingCmd().exec());
            String version = calls.idempotent("version", () -> docker.versionCmd().exec().getApiVersion());

            assertThat(version).matches("\\d+\\.\\d+");
        });
    }

    @Test
    void handsBackTheEnginesAnswerThatAContainerDoesNotExist() {
        context.run(beans -> {
            DockerClient docker = beans.getBean(DockerClient.class);
            String name = "paas-docker-client-it-" + UUID.randomUUID();

            assertThatThrownBy(() -> beans.getBean(DockerCalls.class).idempotent("inspect " + name,
                    () -> docker.inspectContainerCmd(name).exec()))
                    .isInstanceOf(NotFoundException.class);
        });
    }

    @Test
    void reportsAnEngineThatIsNotThereAsUnavailable() {
        context.withPropertyValues("paas.docker.host=unix:///tmp/no-docker-" + UUID.randomUUID() + ".sock")
                .run(beans -> {
                    DockerClient docker = beans.getBean(DockerClient.class);

                    assertThatThrownBy(() -> beans.getBean(DockerCalls.class).idempotent("ping",
                            () -> docker.pingCmd().exec()))
                            .isInstanceOf(DockerUnavailable.class)
                            .hasMessageStartingWith("the Docker engine could not be reached for 'ping': ");
                });
    }
}
