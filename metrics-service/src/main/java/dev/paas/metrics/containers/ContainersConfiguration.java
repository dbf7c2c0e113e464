package dev.paas.metrics.containers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@link ContainersProperties}; the sampler and the rollup jobs run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContainersProperties.class)
@EnableScheduling
class ContainersConfiguration {
}
