package dev.paas.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DockerConfiguration {

    @Bean(destroyMethod = "close")
    DockerClient dockerClient(DockerProperties properties) {
        return DockerClients.create(properties);
    }

    @Bean
    AppContainers appContainers(DockerClient docker, DockerProperties properties, CircuitBreakerRegistry breakers,
            RetryRegistry retries, TimeLimiterRegistry timeLimiters) {
        return new AppContainers(docker, DockerCalls.from(breakers, retries, timeLimiters), properties.stopGrace());
    }

    /** Builds docker-java clients; also used by tests that talk to the engine directly. */
    static final class DockerClients {

        private DockerClients() {
        }

        static DockerClient create(DockerProperties properties) {
            DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(properties.host())
                    .build();
            ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .maxConnections(50)
                    .connectionTimeout(properties.connectTimeout())
                    .responseTimeout(properties.responseTimeout())
                    .build();
            return DockerClientImpl.getInstance(config, http);
        }
    }
}
