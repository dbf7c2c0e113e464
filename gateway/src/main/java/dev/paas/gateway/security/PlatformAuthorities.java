package dev.paas.gateway.security;

import dev.paas.tokens.PlatformTokenRules;
import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Turns the token's {@code roles} claim ({@code ["user","admin"]}) into {@code ROLE_USER}, {@code ROLE_ADMIN}, read
 * as {@link PlatformTokenRules#authorities} reads it.
 */
final class PlatformAuthorities implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return PlatformTokenRules.authorities(jwt.getClaim(PlatformTokenRules.ROLES_CLAIM)).stream()
                .map(authority -> (GrantedAuthority) new SimpleGrantedAuthority(authority))
                .toList();
    }
}
