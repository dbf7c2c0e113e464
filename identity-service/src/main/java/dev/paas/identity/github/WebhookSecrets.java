package dev.paas.identity.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook secret of a project, derived rather than stored so it never travels on the bus and the gateway needs
 * no lookup: {@code base64url_nopad(HMAC-SHA256(key = UTF-8(PAAS_WEBHOOK_KEY), "github-webhook:" + projectId))}.
 */
public final class WebhookSecrets {

    private WebhookSecrets() {
    }

    public static String derive(String key, UUID projectId) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the webhook key (PAAS_WEBHOOK_KEY) is not set");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] secret = mac.doFinal(("github-webhook:" + projectId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
