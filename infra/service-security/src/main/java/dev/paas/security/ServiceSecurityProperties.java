package dev.paas.security;

import dev.paas.tokens.PlatformTokenRules;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service verifies the platform's access tokens ({@code paas.security.*}).
 *
 * @param jwksUrl identity-service's key set ({@code PAAS_JWKS_URL}); fetched on the first token, not at start-up
 * @param issuer the {@code iss} every token must carry ({@code PAAS_JWT_ISSUER})
 * @param audience the {@code aud} every token must name
 * @param clockSkew how far clocks may disagree when {@code exp} and {@code nbf} are checked
 * @param jwksTimeout connect and read timeout of a key set fetch, so an unreachable identity-service cannot hold
 *        requests
 * @param publicPaths path patterns anybody may call, in addition to health, info, prometheus and
 *        {@code /v3/api-docs/**}
 */
@ConfigurationProperties("paas.security")
public record ServiceSecurityProperties(String jwksUrl, String issuer, String audience, Duration clockSkew,
        Duration jwksTimeout, List<String> publicPaths) {

    /** Where identity-service serves its key set when nothing else is configured. */
    public static final String DEFAULT_JWKS_URL = "http://127.0.0.1:8081/api/v1/auth/jwks";

    public ServiceSecurityProperties {
        jwksUrl = jwksUrl == null || jwksUrl.isBlank() ? DEFAULT_JWKS_URL : jwksUrl;
        issuer = issuer == null || issuer.isBlank() ? PlatformTokenRules.DEFAULT_ISSUER : issuer;
        audience = audience == null || audience.isBlank() ? PlatformTokenRules.DEFAULT_AUDIENCE : audience;
        clockSkew = clockSkew == null ? PlatformTokenRules.DEFAULT_CLOCK_SKEW : clockSkew;
        jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(3) : jwksTimeout;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /** The platform's token rules with this issuer, audience and clock skew. */
    public PlatformTokenRules tokenRules() {
        return new PlatformTokenRules(issuer, audience, clockSkew);
    }
}
