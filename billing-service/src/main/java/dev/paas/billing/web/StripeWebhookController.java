package dev.paas.billing.web;

import dev.paas.billing.topups.StripeWebhooks;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint, public (no platform token: Stripe signs each delivery instead). The body is taken as
 * raw bytes because the signature covers them exactly. 200 for every verified delivery, handled or not, so Stripe
 * stops retrying; 400 (and nothing changed) for a bad signature; 503 when no webhook secret is configured.
 */
@RestController
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/stripe")
    Map<String, Object> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        StripeWebhooks.Outcome outcome = webhooks.receive(body == null ? new byte[0] : body, signature);
        return Map.of("received", true, "outcome", outcome.name().toLowerCase());
    }
}
