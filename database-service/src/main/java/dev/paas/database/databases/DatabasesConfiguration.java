package dev.paas.database.databases;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The lifecycle's settings and its scheduled workers (provisioning, supervision). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabasesProperties.class)
@EnableScheduling
class DatabasesConfiguration {
}
