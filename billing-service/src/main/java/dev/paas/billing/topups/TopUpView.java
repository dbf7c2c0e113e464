package dev.paas.billing.topups;

import java.time.Instant;
import java.util.UUID;

/**
 * A top-up as the API shows it; amounts as decimal strings.
 *
 * @param id the top-up
 * @param sessionId Stripe's Checkout Session id
 * @param amount what the user asked to pay
 * @param currency ISO 4217
 * @param status pending, paid or expired
 * @param url the payment page, while the session is pending
 * @param amountPaid what Stripe collected and the wallet was credited, once paid
 * @param createdAt when the session was created
 * @param paidAt when the payment was confirmed
 */
public record TopUpView(UUID id, String sessionId, String amount, String currency, TopUpStatus status, String url,
        String amountPaid, Instant createdAt, Instant paidAt) {
}
