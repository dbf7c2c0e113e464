package dev.paas.identity.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    @Test
    void derivesTheSecretTheGatewayExpects() {
        // openssl: printf 'github-webhook:<id>' | openssl dgst -sha256 -hmac 'test-webhook-key' -binary | base64url
        assertThat(WebhookSecrets.derive("test-webhook-key", UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("1WOwvxlUZkD5TiRFWMH6mugd6eWXfRpN2clG6gRgQno");
    }

    @Test
    void refusesToDeriveWithoutAKey() {
        assertThatThrownBy(() -> WebhookSecrets.derive("", UUID.randomUUID())).hasMessageContaining("PAAS_WEBHOOK_KEY");
    }
}
