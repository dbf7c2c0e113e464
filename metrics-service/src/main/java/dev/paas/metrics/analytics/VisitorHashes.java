package dev.paas.metrics.analytics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unique visitors without addresses: a visitor is {@code HMAC-SHA256(dayKey, address + user agent)}, cut to 128 bits,
 * where {@code dayKey = HMAC-SHA256(secret, day)}. The key changes every day, so yesterday's hashes cannot be linked
 * to today's, and without the secret no hash can be tied to an address. Used by the tail's one thread only.
 */
final class VisitorHashes {

    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;
    private LocalDate keyDay;
    private Mac dayMac;

    /** Hashes derived from {@code secret}; blank: a random secret of this process. */
    VisitorHashes(String secret) {
        if (secret == null || secret.isBlank()) {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(this.secret);
        } else {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The visitor hash (32 hex digits) of a client on {@code day}. */
    String hash(LocalDate day, String address, String userAgent) {
        Mac mac = macOf(day);
        mac.update(address.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        byte[] digest = mac.doFinal(userAgent.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac macOf(LocalDate day) {
        if (!day.equals(keyDay)) {
            try {
                Mac keyMac = Mac.getInstance(HMAC);
                keyMac.init(new SecretKeySpec(secret, HMAC));
                byte[] dayKey = keyMac.doFinal(day.toString().getBytes(StandardCharsets.UTF_8));
                Mac mac = Mac.getInstance(HMAC);
                mac.init(new SecretKeySpec(dayKey, HMAC));
                dayMac = mac;
                keyDay = day;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
            }
        }
        return dayMac;
    }
}
