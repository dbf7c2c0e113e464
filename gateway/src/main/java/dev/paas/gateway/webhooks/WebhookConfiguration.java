package dev.paas.gateway.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the webhook receiver: its settings and the schedule that forgets old delivery ids. A missing webhook key
 * does not stop the gateway, which is the front door of the whole API: the receiver answers 503 naming the setting
 * and says so at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {
}
