package dev.paas.runtime.container;

import com.github.dockerjava.api.DockerClient;
import dev.paas.docker.DockerCalls;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** App containers on the Docker client and calls that infra/docker-client configures. */
@Configuration(proxyBeanMethods = false)
class ContainersConfiguration {

    /** @param stopGrace how long a replaced container gets to exit after SIGTERM before it is killed */
    @Bean
    AppContainers appContainers(DockerClient docker, DockerCalls calls,
            @Value("${paas.docker.stop-grace:10s}") Duration stopGrace,
            @Value("${paas.ingress.upstreams.port:10080}") int publishPort) {
        return new AppContainers(docker, calls, stopGrace, publishPort);
    }

    /** Reads app containers' listening sockets from this side's {@code /proc} first, see {@link ContainerSockets}. */
    @Bean
    ContainerSockets containerSockets(DockerClient docker, DockerCalls calls) {
        return new ContainerSockets(docker, calls, Path.of("/proc"));
    }
}
