package dev.paas.webhooksecrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each project's GitHub webhook secret, derived from the platform's webhook key ({@code PAAS_WEBHOOK_KEY}) so it
 * never travels on the bus and needs no lookup:
 * {@code base64url_nopad(HMAC-SHA256(key = UTF-8(PAAS_WEBHOOK_KEY), "github-webhook:" + projectId))}.
 * identity-service registers each hook with it; the gateway checks deliveries' {@code X-Hub-Signature-256} against
 * it. Hooks already registered on GitHub carry secrets derived this way, so the derivation must never change.
 *
 * <p>A missing or blank key derives nothing: {@link #fromKey} answers empty, and each caller says so in its own terms
 * (the gateway answers 503, identity-service reports the registration as failed with the reason).
 */
public final class WebhookSecrets {

    /** The environment variable the key comes from, for messages that tell an operator what to set. */
    public static final String KEY_VARIABLE = "PAAS_WEBHOOK_KEY";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String CONTEXT = "github-webhook:";
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final byte[] key;

    private WebhookSecrets(byte[] key) {
        this.key = key;
    }

    /** The derivation under {@code key}, or empty when the key is missing or blank. */
    public static Optional<WebhookSecrets> fromKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        // The key's exact UTF-8 bytes, surrounding spaces included: trimming would change registered secrets.
        return Optional.of(new WebhookSecrets(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** The secret GitHub signs {@code projectId}'s deliveries with (43 URL-safe characters). */
    public String secretFor(UUID projectId) {
        byte[] secret = hmac(key, (CONTEXT + projectId).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * Whether {@code signature}, an {@code X-Hub-Signature-256} value ({@code sha256=} and the hex HMAC-SHA256 of
     * the exact body keyed with the project's secret; may be {@code null}), signs {@code body} for the project.
     * Compared in constant time.
     */
    public boolean signs(UUID projectId, byte[] body, String signature) {
        byte[] given = digestOf(signature);
        if (given == null) {
            return false;
        }
        byte[] expected = hmac(secretFor(projectId).getBytes(StandardCharsets.UTF_8), body);
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] digestOf(String signature) {
        if (signature == null || !signature.startsWith(SIGNATURE_PREFIX)) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(signature.substring(SIGNATURE_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }
}
