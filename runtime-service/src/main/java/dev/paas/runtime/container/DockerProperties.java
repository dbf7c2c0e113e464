package dev.paas.runtime.container;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the Docker engine.
 *
 * @param host the engine's address, for example {@code unix:///var/run/docker.sock}
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for an answer; a backstop behind the Resilience4j time limiter
 * @param stopGrace how long a replaced container gets to exit after SIGTERM before it is killed
 */
@ConfigurationProperties("paas.docker")
record DockerProperties(@DefaultValue("unix:///var/run/docker.sock") String host,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("60s") Duration responseTimeout,
        @DefaultValue("10s") Duration stopGrace) {
}
