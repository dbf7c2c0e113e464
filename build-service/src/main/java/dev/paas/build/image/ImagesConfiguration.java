package dev.paas.build.image;

import com.github.dockerjava.api.DockerClient;
import dev.paas.build.BuildProperties;
import dev.paas.build.limits.BuildCgroups;
import dev.paas.build.limits.LimitsProperties;
import dev.paas.docker.DockerCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The image operations on the Docker client and calls that infra/docker-client configures, within the build limits. */
@Configuration(proxyBeanMethods = false)
class ImagesConfiguration {

    @Bean
    DockerImages dockerImages(DockerClient dockerClient, DockerCalls dockerCalls, BuildProperties properties,
            LimitsProperties limits, BuildCgroups cgroups) {
        return new DockerImages(dockerClient, dockerCalls, properties.buildTimeout(), limits, cgroups);
    }
}
