package dev.paas.database.engine;

import com.github.dockerjava.api.DockerClient;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.OwnerNetworks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link EnginesProperties} for {@link DockerDatabaseEngines}, and offers the owners' networks (the lifecycle
 * removes an owner's network with {@link OwnerNetworks#removeIfUnused} once its last database is gone).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnginesProperties.class)
class EnginesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OwnerNetworks ownerNetworks(DockerClient docker, DockerCalls calls) {
        return new OwnerNetworks(docker, calls);
    }
}
