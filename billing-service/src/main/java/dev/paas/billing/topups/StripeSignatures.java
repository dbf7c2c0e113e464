package dev.paas.billing.topups;

import dev.paas.problems.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Stripe's webhook signatures: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=...]}, each {@code v1}
 * an HMAC-SHA256 of {@code "<t>.<exact body>"} keyed with the endpoint's signing secret. One matching {@code v1} is
 * enough (Stripe sends two while a secret is being rolled); other schemes ({@code v0}) are ignored, as Stripe's
 * libraries do. A timestamp further than the tolerance from now is refused, so a captured delivery cannot be replayed
 * later.
 */
final class StripeSignatures {

    private final byte[] secret;
    private final Duration tolerance;

    StripeSignatures(String secret, Duration tolerance) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /**
     * Passes when {@code header} signs {@code body} at a time within the tolerance of {@code now}.
     *
     * @throws InvalidInput naming {@code Stripe-Signature} and why it does not
     */
    void verify(byte[] body, String header, Instant now) {
        if (header == null || header.isBlank()) {
            throw invalid("is missing");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            if ("t".equals(name)) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw invalid("has a timestamp that is not a number");
                }
            } else if ("v1".equals(name)) {
                try {
                    signatures.add(HexFormat.of().parseHex(value));
                } catch (IllegalArgumentException e) {
                    // A malformed v1 matches nothing; another v1 may still sign the body.
                }
            }
        }
        if (timestamp == null) {
            throw invalid("has no timestamp (t=)");
        }
        if (signatures.isEmpty()) {
            throw invalid("has no v1 signature");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), now).abs();
        if (age.compareTo(tolerance) > 0) {
            throw invalid("is from " + Instant.ofEpochSecond(timestamp) + ", more than " + tolerance.toMinutes()
                    + " minutes from now");
        }
        byte[] expected = sign(timestamp, body);
        if (signatures.stream().noneMatch(given -> MessageDigest.isEqual(expected, given))) {
            throw invalid("does not sign this body with the configured webhook secret");
        }
    }

    /** The {@code v1} HMAC of {@code body} at {@code timestamp}. */
    byte[] sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    private static InvalidInput invalid(String problem) {
        return new InvalidInput("Stripe-Signature", problem);
    }
}
