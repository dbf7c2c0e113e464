package dev.paas.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static final UUID PROJECT = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private final WebhookSecrets secrets = new WebhookSecrets("platform-key");

    @Test
    void derivesAUrlSafeUnpaddedSecretPerProject() {
        String secret = secrets.secretFor(PROJECT);

        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(secret).isEqualTo(new WebhookSecrets("platform-key").secretFor(PROJECT));
        assertThat(secret).isNotEqualTo(secrets.secretFor(UUID.randomUUID()));
        assertThat(secret).isNotEqualTo(new WebhookSecrets("other-key").secretFor(PROJECT));
    }

    @Test
    void verifiesOnlyTheExactBodySignedWithTheProjectsSecret() throws Exception {
        byte[] body = "{\"zen\":\"Design for failure.\"}".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + hexHmac(secrets.secretFor(PROJECT), body);

        assertThat(secrets.verifies(PROJECT, body, signature)).isTrue();
        assertThat(secrets.verifies(PROJECT, "{\"zen\":\"Design for failure!\"}".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
        assertThat(secrets.verifies(UUID.randomUUID(), body, signature)).isFalse();
        assertThat(secrets.verifies(PROJECT, body, signature.substring("sha256=".length()))).isFalse();
        assertThat(secrets.verifies(PROJECT, body, "sha256=zz")).isFalse();
        assertThat(secrets.verifies(PROJECT, body, "sha256=")).isFalse();
        assertThat(secrets.verifies(PROJECT, body, null)).isFalse();
    }

    @Test
    void isUnconfiguredWithoutAKey() {
        assertThat(new WebhookSecrets(null).configured()).isFalse();
        assertThat(new WebhookSecrets(" ").configured()).isFalse();
        assertThat(secrets.configured()).isTrue();
    }

    private static String hexHmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
