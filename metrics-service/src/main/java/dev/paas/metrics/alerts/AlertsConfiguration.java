package dev.paas.metrics.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The alert settings, and the open-alerts gauge (read from the database, so every replica reports the same). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertsProperties.class)
class AlertsConfiguration {

    AlertsConfiguration(MeterRegistry meters, Alerts alerts) {
        Gauge.builder("paas.alerts.open", alerts, Alerts::openCount)
                .description("alerts open now, across all replicas")
                .register(meters);
    }
}
