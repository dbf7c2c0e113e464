package dev.paas.security;

import dev.paas.tokens.PlatformTokenRules;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The decoder every servlet service verifies access tokens with: RS256 signatures by a key from identity-service's
 * key set (so {@code alg: none}, HS256 and foreign keys fail), then the platform's {@link PlatformTokenRules}
 * (issuer, audience, expiry with the configured skew, a UUID subject, roles). The key set is fetched on the first
 * token and again when a token names an unknown key.
 */
final class PlatformJwtDecoder {

    private PlatformJwtDecoder() {
    }

    static NimbusJwtDecoder create(ServiceSecurityProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.jwksTimeout());
        requests.setReadTimeout(properties.jwksTimeout());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUrl())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                // identity-service may type its tokens "at+jwt"; issuer and audience already pin what they are for.
                .validateType(false)
                .restOperations(new RestTemplate(requests))
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(ServiceSecurityProperties properties) {
        PlatformTokenRules rules = properties.tokenRules();
        return jwt -> rules.problemWith(jwt.getHeaders(), jwt.getClaims())
                .map(problem -> OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, problem, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }
}
