package dev.paas.gateway.security;

import dev.paas.tokens.PlatformTokenRules;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway verifies access tokens ({@code paas.security.*}, the same keys the services use).
 *
 * @param jwksUrl identity-service's key set ({@code PAAS_JWKS_URL}); fetched on the first token, not at start-up, so
 *        the gateway starts while identity-service is down
 * @param issuer the {@code iss} every token must carry ({@code PAAS_JWT_ISSUER})
 * @param audience the {@code aud} every token must name
 * @param clockSkew how far clocks may disagree when {@code exp} and {@code nbf} are checked
 * @param jwksTimeout connect and response timeout of a key set fetch
 */
@ConfigurationProperties("paas.security")
record EdgeSecurityProperties(String jwksUrl, String issuer, String audience, Duration clockSkew,
        Duration jwksTimeout) {

    EdgeSecurityProperties {
        jwksUrl = jwksUrl == null || jwksUrl.isBlank() ? "http://127.0.0.1:8081/api/v1/auth/jwks" : jwksUrl;
        issuer = issuer == null || issuer.isBlank() ? PlatformTokenRules.DEFAULT_ISSUER : issuer;
        audience = audience == null || audience.isBlank() ? PlatformTokenRules.DEFAULT_AUDIENCE : audience;
        clockSkew = clockSkew == null ? PlatformTokenRules.DEFAULT_CLOCK_SKEW : clockSkew;
        jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(3) : jwksTimeout;
    }

    /** The platform's token rules with this issuer, audience and clock skew. */
    PlatformTokenRules tokenRules() {
        return new PlatformTokenRules(issuer, audience, clockSkew);
    }
}
