package dev.paas.metrics.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ContainerSamplerTest {

    @Test
    void skipsThePassWithoutFailingWhileDockerCannotBeReached() throws Exception {
        DockerClient docker = DockerClients.create(new DockerClientProperties(
                "unix:///tmp/no-docker-" + UUID.randomUUID() + ".sock", null, null, null));
        DockerCalls calls = new DockerCalls(CircuitBreaker.ofDefaults("docker"),
                Retry.of("docker", RetryConfig.custom().maxAttempts(1).build()), TimeLimiter.ofDefaults("docker"));
        List<Object> published = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ContainerSampler sampler = new ContainerSampler(docker, calls, new ContainersProperties(true, null, null, null,
                null, null, null, null), published::add, meters,
                new StaticListableBeanFactory().getBeanProvider(Clock.class));

        assertThat(sampler.sample()).isEmpty();
        assertThat(sampler.sample()).isEmpty();

        assertThat(published).isEmpty();
        assertThat(sampler.latest()).isEmpty();
        assertThat(meters.get("paas.metrics.containers.sampled").gauge().value()).isZero();
        sampler.destroy();
        docker.close();
    }
}
