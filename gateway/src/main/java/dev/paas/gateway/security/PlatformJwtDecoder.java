package dev.paas.gateway.security;

import dev.paas.tokens.PlatformTokenRules;
import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The decoder the gateway verifies access tokens with, matching what every service does: RS256 signatures by a key
 * from identity-service's key set (so {@code alg: none}, HS256 and foreign keys fail), then the platform's
 * {@link PlatformTokenRules} (issuer, audience, expiry with the configured skew, a UUID subject, roles). The key set
 * is fetched on the first token and again when a token names an unknown key.
 */
final class PlatformJwtDecoder {

    private PlatformJwtDecoder() {
    }

    static ReactiveJwtDecoder create(EdgeSecurityProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.jwksTimeout().toMillis())
                .responseTimeout(properties.jwksTimeout());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUrl())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                // identity-service may type its tokens "at+jwt"; issuer and audience already pin what they are for.
                .validateType(false)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
                .build();
        decoder.setJwtValidator(validator(properties));
        // A key set that cannot be fetched surfaces as IllegalStateException, which Spring Security would turn into a
        // 500. As a plain JwtException (not a BadJwtException) it becomes an authentication service failure: 503.
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
                failure -> new JwtException("identity-service's signing keys cannot be fetched: "
                        + failure.getMessage(), failure));
    }

    static OAuth2TokenValidator<Jwt> validator(EdgeSecurityProperties properties) {
        PlatformTokenRules rules = properties.tokenRules();
        return jwt -> rules.problemWith(jwt.getHeaders(), jwt.getClaims())
                .map(problem -> OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, problem, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }
}
