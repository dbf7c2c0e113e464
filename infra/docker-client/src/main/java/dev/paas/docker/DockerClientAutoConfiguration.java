package dev.paas.docker;

import com.github.dockerjava.api.DockerClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * Gives a service that depends on this module one {@link DockerClient} ({@code paas.docker.*}) and the
 * {@link DockerCalls} every engine call goes through. The Resilience4j defaults of the {@code docker} instances
 * are a lowest-precedence property source, so a service's own {@code resilience4j.*.instances.docker.*} win.
 */
@AutoConfiguration(afterName = {
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
        "io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration"})
@EnableConfigurationProperties(DockerClientProperties.class)
@PropertySource("classpath:dev/paas/docker/docker-client-defaults.properties")
public class DockerClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DockerClient dockerClient(DockerClientProperties properties) {
        return DockerClients.create(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    DockerCalls dockerCalls(CircuitBreakerRegistry breakers, RetryRegistry retries,
            TimeLimiterRegistry timeLimiters) {
        return DockerCalls.from(breakers, retries, timeLimiters);
    }
}
