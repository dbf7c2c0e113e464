package dev.paas.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/** Without Stripe keys (the default), top-ups and webhooks answer 503 and say which setting is missing. */
// Closed after the class: its context, on a database of its own, would otherwise keep consuming the test bus's
// events as a replica of other classes' contexts, into the wrong database.
@DirtiesContext
@ServiceComponentTest(database = "paas_billing_test", freshDatabase = true, properties = {
        "paas.billing.stripe.secret-key=", "paas.billing.stripe.webhook-secret="})
class StripeUnconfiguredIT extends SecuredComponentTest {

    @Test
    void topUpsAnswer503NamingTheSecretKeySetting() {
        HttpResponse<String> response = ServiceCalls.on(port).send("POST", "/api/v1/billing/topups",
                "{\"amount\":\"10.00\",\"currency\":\"USD\"}", tokens.user(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("top-ups by card are not configured")
                .contains("paas.billing.stripe.secret-key");
    }

    @Test
    void webhooksAnswer503WithoutATokenNamingTheWebhookSecretSetting() {
        HttpResponse<String> response = ServiceCalls.on(port).send("POST", "/webhooks/stripe",
                "{\"type\":\"checkout.session.completed\"}", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("paas.billing.stripe.webhook-secret");
    }
}
