package dev.paas.webhooksecrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static final UUID PROJECT = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static final byte[] BODY = "{\"zen\":\"Design for failure.\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSecrets secrets = WebhookSecrets.fromKey("platform-key").orElseThrow();

    @Test
    void derivesTheSecretsOfHooksAlreadyRegistered() {
        // Computed once with openssl, independently of this code:
        // printf 'github-webhook:<project id>' | openssl dgst -sha256 -hmac '<key>' -binary | base64 | tr '+/' '-_' | tr -d '='
        assertThat(WebhookSecrets.fromKey("test-webhook-key").orElseThrow()
                .secretFor(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("1WOwvxlUZkD5TiRFWMH6mugd6eWXfRpN2clG6gRgQno");
        assertThat(secrets.secretFor(PROJECT)).isEqualTo("WhwjWyEAVA63SZdHw2gABLojo29EVFprt3BFL8kbSak");
    }

    @Test
    void derivesAUrlSafeUnpaddedSecretOfItsOwnPerProjectAndKey() {
        String secret = secrets.secretFor(PROJECT);

        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(secret).isNotEqualTo(secrets.secretFor(UUID.randomUUID()));
        assertThat(secret).isNotEqualTo(WebhookSecrets.fromKey("other-key").orElseThrow().secretFor(PROJECT));
        assertThat(secret).isNotEqualTo(WebhookSecrets.fromKey(" platform-key").orElseThrow().secretFor(PROJECT));
    }

    @Test
    void acceptsTheSignatureGitHubComputesWithTheProjectsSecret() {
        // printf '{"zen":"Design for failure."}' | openssl dgst -sha256 -hmac 'WhwjWyEAVA63SZdHw2gABLojo29EVFprt3BFL8kbSak'
        String signature = "sha256=c73b8d2f869739fb030cc0740d3e5cb86789cce64f49af6020444c948c1cf590";

        assertThat(secrets.signs(PROJECT, BODY, signature)).isTrue();
        assertThat(secrets.signs(PROJECT, BODY, signature.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    @Test
    void refusesEveryOtherSignature() {
        String signature = "sha256=c73b8d2f869739fb030cc0740d3e5cb86789cce64f49af6020444c948c1cf590";

        assertThat(secrets.signs(PROJECT, "{\"zen\":\"Design for failure!\"}".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
        assertThat(secrets.signs(UUID.randomUUID(), BODY, signature)).isFalse();
        assertThat(secrets.signs(PROJECT, BODY, signature.substring("sha256=".length()))).isFalse();
        assertThat(secrets.signs(PROJECT, BODY, "sha1=" + signature.substring("sha256=".length()))).isFalse();
        assertThat(secrets.signs(PROJECT, BODY, "sha256=zz")).isFalse();
        assertThat(secrets.signs(PROJECT, BODY, "sha256=")).isFalse();
        assertThat(secrets.signs(PROJECT, BODY, null)).isFalse();
    }

    @Test
    void derivesNothingWithoutAKey() {
        assertThat(WebhookSecrets.fromKey(null)).isEmpty();
        assertThat(WebhookSecrets.fromKey("")).isEmpty();
        assertThat(WebhookSecrets.fromKey(" \t")).isEmpty();
        assertThat(WebhookSecrets.fromKey("k")).isPresent();
    }
}
