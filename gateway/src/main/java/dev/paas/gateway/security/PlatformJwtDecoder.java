package dev.paas.gateway.security;

import io.netty.channel.ChannelOption;
import java.util.List;
import java.util.UUID;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The decoder the gateway verifies access tokens with, matching what every service does: RS256 signatures by a key
 * from identity-service's key set (so {@code alg: none}, HS256 and foreign keys fail), issuer, audience, expiry with
 * the configured skew, and a UUID subject. The key set is fetched on the first token and again when a token names an
 * unknown key.
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
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                PlatformJwtDecoder::subjectIsAUserId));
    }

    private static OAuth2TokenValidatorResult subjectIsAUserId(Jwt jwt) {
        try {
            UUID.fromString(jwt.getSubject() == null ? "" : jwt.getSubject());
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "the token's subject is not a user id", null));
        }
    }
}
