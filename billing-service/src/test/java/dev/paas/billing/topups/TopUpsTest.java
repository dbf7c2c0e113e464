package dev.paas.billing.topups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.Unavailable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TopUpsTest {

    private static StripeProperties properties(String secretKey, String webhookSecret) {
        return new StripeProperties("http://127.0.0.1:1/", secretKey, webhookSecret, "http://ok", "http://cancel",
                "Wallet top-up", new BigDecimal("1.00"), new BigDecimal("10000.00"), Duration.ofMinutes(5),
                Duration.ofSeconds(1));
    }

    @Test
    void answersUnavailableNamingTheSettingWithoutASecretKey() {
        TopUps topUps = new TopUps(properties("", "whsec"), null, null, null,
                new StaticListableBeanFactory().getBeanProvider(Clock.class));

        assertThatThrownBy(() -> topUps.start(UUID.randomUUID(), "10.00", "USD"))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("paas.billing.stripe.secret-key");
    }

    @Test
    void refusesWebhooksNamingTheSettingWithoutAWebhookSecret() {
        StripeWebhooks webhooks = new StripeWebhooks(properties("sk", " "), null, null, null,
                new StaticListableBeanFactory().getBeanProvider(Clock.class));

        assertThatThrownBy(() -> webhooks.receive(new byte[0], "t=1,v1=00"))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("paas.billing.stripe.webhook-secret");
    }

    @Test
    void asksStripeForOnePaymentOfTheAmountInMinorUnitsForTheUser() {
        StripeCheckout checkout = new StripeCheckout(properties("sk_test", "whsec"));
        UUID topUp = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        var form = checkout.form(topUp, user, TopUpAmount.parse("12.34", "USD", "USD", BigDecimal.ONE,
                BigDecimal.TEN.pow(4)));

        assertThat(form).containsEntry("mode", "payment")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][unit_amount]", "1234")
                .containsEntry("line_items[0][price_data][product_data][name]", "Wallet top-up")
                .containsEntry("success_url", "http://ok")
                .containsEntry("cancel_url", "http://cancel")
                .containsEntry("client_reference_id", user.toString())
                .containsEntry("metadata[user_id]", user.toString())
                .containsEntry("metadata[top_up_id]", topUp.toString());
    }
}
