package dev.paas.identity.tokens;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;

/**
 * An RSA key pair that signs access tokens. The newest activated key signs; a rotated key is retired at an instant
 * after which no token it signed is still valid, and stays in the JWKS until then.
 */
record SigningKey(String kid, RSAKey publicJwk, String sealedPrivateKey, Instant createdAt, Instant activatedAt,
        Instant retiredAt) {

    boolean publishedAt(Instant now) {
        return retiredAt == null || now.isBefore(retiredAt);
    }
}
