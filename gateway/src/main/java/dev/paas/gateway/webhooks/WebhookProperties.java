package dev.paas.gateway.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the GitHub webhook receiver ({@code paas.webhooks.*}).
 *
 * @param key the platform's webhook key ({@code PAAS_WEBHOOK_KEY}); every project's webhook secret is derived from
 *        it. Without it the receiver answers 503 and the rest of the gateway keeps working.
 * @param deliveryRetention how long accepted delivery ids are kept to recognise redeliveries
 */
@ConfigurationProperties("paas.webhooks")
record WebhookProperties(String key, @DefaultValue("30d") Duration deliveryRetention) {
}
