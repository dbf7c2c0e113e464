package dev.paas.metrics.billing;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A notice about a user's account to send to each of the user's notification channels; published synchronously
 * inside the transaction of the billing fact that caused it, so its deliveries commit with the processed-event
 * record.
 *
 * @param id the billing fact's event id: one notice per fact, however often it is replayed
 * @param userId whose channels get it
 * @param type what it is, as webhooks name it ({@code billing.wallet-low}, {@code billing.account-suspended},
 *     {@code billing.account-reinstated})
 * @param subject the subject line, in the user's words
 * @param text the whole notice, in the user's words
 * @param facts the figures it is about, as a webhook gets them
 * @param at when billing-service saw it happen
 */
public record BillingNotice(UUID id, UUID userId, String type, String subject, String text, Map<String, Object> facts,
        Instant at) {

    public BillingNotice {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
