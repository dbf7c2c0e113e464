package dev.paas.gateway.webhooks;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the webhook receiver. A missing webhook key does not stop the gateway, which is the front door of the whole
 * API: the receiver answers 503 naming the setting and the gateway says so at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    private static final Log log = LogFactory.getLog(WebhookConfiguration.class);

    @Bean
    WebhookSecrets webhookSecrets(WebhookProperties properties) {
        WebhookSecrets secrets = new WebhookSecrets(properties.key());
        if (!secrets.configured()) {
            log.warn("paas.webhooks.key (PAAS_WEBHOOK_KEY) is not set: POST /webhooks/github answers 503 until it is");
        }
        return secrets;
    }
}
