package dev.paas.build.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.paas.build.BuildProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Docker client ({@code PAAS_DOCKER_HOST}) and the resilient image operations on top of it. */
@Configuration(proxyBeanMethods = false)
class DockerConfiguration {

    /** Name of the Resilience4j circuit breaker, retry and time limiter instances in application.yml. */
    static final String DOCKER = "docker";

    @Bean(destroyMethod = "close")
    DockerClient dockerClient(@Value("${paas.docker.host:unix:///var/run/docker.sock}") String host,
            BuildProperties properties) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(20)
                .connectionTimeout(Duration.ofSeconds(5))
                // Build output can pause for minutes (npm install); the build timeout bounds it, not the socket.
                .responseTimeout(properties.buildTimeout().plusMinutes(1))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Bean(destroyMethod = "close")
    DockerImages dockerImages(DockerClient dockerClient, CircuitBreakerRegistry breakers, RetryRegistry retries,
            TimeLimiterRegistry limiters, BuildProperties properties) {
        return new DockerImages(dockerClient, breakers.circuitBreaker(DOCKER), retries.retry(DOCKER),
                limiters.timeLimiter(DOCKER), properties.buildTimeout());
    }
}
