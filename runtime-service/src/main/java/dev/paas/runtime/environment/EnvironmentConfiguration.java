package dev.paas.runtime.environment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key ring, checked at start-up: without a usable key the service does not start. */
@Configuration(proxyBeanMethods = false)
class EnvironmentConfiguration {

    @Bean
    EnvironmentKeys environmentKeys(EnvironmentProperties properties) {
        return EnvironmentKeys.of(properties.keys());
    }
}
