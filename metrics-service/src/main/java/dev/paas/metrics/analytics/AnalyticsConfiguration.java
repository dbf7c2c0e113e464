package dev.paas.metrics.analytics;

import dev.paas.metrics.owners.KnownResources;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The tail of the configured access log and what it needs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsConfiguration {

    @Bean
    AccessLogTail accessLogTail(AnalyticsProperties properties, AnalyticsStore store, KnownResources resources,
            MeterRegistry meters) {
        return new AccessLogTail(properties.accessLog(), store,
                new HostAttribution(resources::projectServedAt, properties.hostCacheTtl()),
                new VisitorHashes(properties.visitorKey()), properties, meters);
    }
}
