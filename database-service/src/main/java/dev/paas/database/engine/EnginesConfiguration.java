package dev.paas.database.engine;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link EnginesProperties} for {@link DockerDatabaseEngines}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnginesProperties.class)
class EnginesConfiguration {
}
