package dev.paas.identity.tokens;

import java.time.Duration;

/**
 * What every access token says about its origin and how long tokens and keys live.
 *
 * @param issuer the {@code iss} claim ({@code paas.security.issuer})
 * @param audience the {@code aud} claim
 * @param accessTokenTtl lifetime of tokens issued at sign-in and refresh
 * @param apiTokenAccessTtl lifetime of tokens issued in exchange for a personal API token
 * @param clockSkew how far clocks may disagree when checking {@code exp}, {@code nbf}
 * @param keyRotation how old the active signing key may get before a new one replaces it
 */
public record TokenSettings(String issuer, String audience, Duration accessTokenTtl, Duration apiTokenAccessTtl,
        Duration clockSkew, Duration keyRotation) {

    public TokenSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("paas.security.issuer must not be blank");
        }
        requirePositive(accessTokenTtl, "paas.identity.access-token-ttl");
        requirePositive(apiTokenAccessTtl, "paas.identity.api-token-access-ttl");
        requirePositive(keyRotation, "paas.identity.key-rotation");
    }

    /** The longest an access token may stay valid, skew included: how long a retired key stays published. */
    public Duration longestTokenLife() {
        Duration longest = accessTokenTtl.compareTo(apiTokenAccessTtl) >= 0 ? accessTokenTtl : apiTokenAccessTtl;
        return longest.plus(clockSkew).plusMinutes(1);
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration");
        }
    }
}
