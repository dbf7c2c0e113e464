package dev.paas.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class GitHubWebhooksTest {

    @Test
    void answersServiceUnavailableWithoutAWebhookKey() {
        GitHubWebhooks webhooks = new GitHubWebhooks(new WebhookProperties(" ", null), null, null, null,
                null);
        byte[] body = "{\"repository\":{\"full_name\":\"octo/shop\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> webhooks.receive(new GitHubWebhooks.Delivery("push", "d-1", "sha256=00", body)))
                .isInstanceOfSatisfying(WebhookRejected.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(rejected.getMessage()).contains("PAAS_WEBHOOK_KEY");
                });
    }
}
