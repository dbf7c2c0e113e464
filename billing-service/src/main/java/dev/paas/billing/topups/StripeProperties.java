package dev.paas.billing.topups;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Stripe is and how the platform is registered there ({@code paas.billing.stripe.*}, so also
 * {@code PAAS_BILLING_STRIPE_*} from the environment). The defaults are the real Stripe; the tests' fake Stripe only
 * changes {@code api-url} and the keys.
 *
 * @param apiUrl base of the API ({@code /v1/checkout/sessions})
 * @param secretKey the account's secret key ({@code sk_live_...}, {@code sk_test_...}); empty = top-ups are off
 * @param webhookSecret the webhook endpoint's signing secret ({@code whsec_...}); empty = webhooks are refused
 * @param successUrl where Checkout sends the customer after paying ({@code {CHECKOUT_SESSION_ID}} is Stripe's
 *        placeholder for the session)
 * @param cancelUrl where Checkout sends the customer who gives up
 * @param productName the line item's name on the payment page and the receipt
 * @param minimumAmount the smallest top-up (Stripe refuses totals under about 0.50 USD anyway)
 * @param maximumAmount the largest top-up
 * @param tolerance how old (or how far ahead) a webhook signature's timestamp may be: Stripe's libraries use 5 minutes
 * @param timeout connect and answer limit of every call to Stripe
 */
@ConfigurationProperties("paas.billing.stripe")
record StripeProperties(
        @DefaultValue("https://api.stripe.com") String apiUrl,
        @DefaultValue("") String secretKey,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("http://paas.localhost:8000/billing?topup=paid&session={CHECKOUT_SESSION_ID}")
        String successUrl,
        @DefaultValue("http://paas.localhost:8000/billing?topup=cancelled") String cancelUrl,
        @DefaultValue("Wallet top-up") String productName,
        @DefaultValue("1.00") BigDecimal minimumAmount,
        @DefaultValue("10000.00") BigDecimal maximumAmount,
        @DefaultValue("5m") Duration tolerance,
        @DefaultValue("10s") Duration timeout) {

    StripeProperties {
        apiUrl = apiUrl != null && apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    boolean checkoutConfigured() {
        return secretKey != null && !secretKey.isBlank();
    }

    boolean webhooksConfigured() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }
}
