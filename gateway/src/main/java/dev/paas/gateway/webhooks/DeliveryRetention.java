package dev.paas.gateway.webhooks;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets accepted delivery ids after {@code paas.webhooks.delivery-retention} (30 days): GitHub redelivers only
 * recent deliveries, so older ids only take space.
 */
@Component
class DeliveryRetention {

    private static final Log log = LogFactory.getLog(DeliveryRetention.class);

    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;

    DeliveryRetention(WebhookDeliveries deliveries, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Scheduled(initialDelay = 5, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void purgeRegularly() {
        try {
            purgeExpired();
        } catch (RuntimeException e) {
            log.warn("cannot purge old webhook deliveries, will retry: " + e.getMessage());
        }
    }

    int purgeExpired() {
        int deleted = deliveries.deleteReceivedBefore(Instant.now().minus(properties.deliveryRetention()));
        if (deleted > 0) {
            log.info("forgot " + deleted + " webhook deliveries older than " + properties.deliveryRetention());
        }
        return deleted;
    }
}
