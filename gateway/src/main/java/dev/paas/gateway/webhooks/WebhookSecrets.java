package dev.paas.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each project's webhook secret, derived from the platform's webhook key so it never travels on the bus and needs no
 * lookup: {@code base64url_nopad(HMAC-SHA256(key, "github-webhook:" + projectId))}. identity-service registers the
 * hook with the same derivation; here it checks {@code X-Hub-Signature-256} ({@code sha256=} + hex HMAC-SHA256 of
 * the exact body, keyed with the secret) in constant time.
 */
final class WebhookSecrets {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final byte[] key;

    WebhookSecrets(String key) {
        this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    boolean configured() {
        return key != null;
    }

    /** The secret GitHub signs {@code projectId}'s deliveries with. */
    String secretFor(UUID projectId) {
        if (key == null) {
            throw new IllegalStateException("no webhook key configured");
        }
        byte[] secret = hmac(key, ("github-webhook:" + projectId).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether {@code signature} (the header's value, may be {@code null}) signs {@code body} for the project. */
    boolean verifies(UUID projectId, byte[] body, String signature) {
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
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
