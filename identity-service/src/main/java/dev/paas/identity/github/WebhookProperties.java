package dev.paas.identity.github;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How push webhooks are registered ({@code paas.webhooks.*}).
 *
 * @param url the public URL of the gateway's {@code /webhooks/github} ({@code PAAS_WEBHOOK_URL})
 * @param key the platform secret each project's webhook secret is derived from ({@code PAAS_WEBHOOK_KEY}); the
 *        gateway holds the same key to verify deliveries
 */
@ConfigurationProperties("paas.webhooks")
record WebhookProperties(
        @DefaultValue("http://127.0.0.1:8080/webhooks/github") String url,
        @DefaultValue("") String key) {
}
