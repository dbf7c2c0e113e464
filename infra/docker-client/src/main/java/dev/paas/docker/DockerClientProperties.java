package dev.paas.docker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach the Docker engine ({@code paas.docker.*}; the environment variable {@code PAAS_DOCKER_HOST} sets
 * the host). Absent values take the defaults below.
 *
 * @param host the engine's address, {@code unix:///var/run/docker.sock} by default
 * @param connectTimeout how long to wait for a connection, 5 s by default
 * @param responseTimeout how long an answer may pause, 60 s by default: a backstop behind the time limiter, and
 *     the longest silence of a streamed answer (build output)
 * @param maxConnections the size of the connection pool, 50 by default
 */
@ConfigurationProperties("paas.docker")
public record DockerClientProperties(String host, Duration connectTimeout, Duration responseTimeout,
        Integer maxConnections) {

    public DockerClientProperties {
        host = host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host.strip();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        maxConnections = maxConnections == null ? 50 : maxConnections;
        if (maxConnections < 1) {
            throw new IllegalArgumentException("paas.docker.max-connections must be at least 1, was "
                    + maxConnections);
        }
    }

    /** The defaults, with the host from {@code PAAS_DOCKER_HOST} when it is set: for code outside Spring (tests). */
    public static DockerClientProperties fromEnvironment() {
        return new DockerClientProperties(System.getenv("PAAS_DOCKER_HOST"), null, null, null);
    }

    /** The same with another response timeout. */
    public DockerClientProperties withResponseTimeout(Duration timeout) {
        return new DockerClientProperties(host, connectTimeout, timeout, maxConnections);
    }
}
