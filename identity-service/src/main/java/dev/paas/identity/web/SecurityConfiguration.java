package dev.paas.identity.web;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.paas.identity.tokens.TokenSettings;
import dev.paas.tokens.PlatformTokenRules;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Bearer access tokens only (stateless, no CSRF, no cookies), verified against the service's
 * own signing keys straight from its database, then by the platform's {@link PlatformTokenRules} like everywhere
 * else (RS256 only, issuer, audience, expiry with the clock skew, a UUID subject). Roles in the {@code roles} claim
 * become {@code ROLE_USER}, {@code ROLE_ADMIN}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Endpoints for people and services that hold no access token (yet). */
    private static final String[] PUBLIC_POSTS = {"/api/v1/auth/register", "/api/v1/auth/login",
        "/api/v1/auth/refresh", "/api/v1/auth/logout", "/internal/api-tokens/exchange"};
    private static final String[] GITHUB_SIGN_IN = {"/api/v1/auth/github/authorize", "/api/v1/auth/github/callback",
        "/api/v1/auth/github/exchange"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, SecurityProblems problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/jwks").permitAll()
                        .requestMatchers(GITHUB_SIGN_IN).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Scraped by the platform's Prometheus like every other service's (loopback only).
                        .requestMatchers("/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(bearerTokens())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, TokenSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(TokenSettings settings) {
        PlatformTokenRules rules = new PlatformTokenRules(settings.issuer(), settings.audience(),
                settings.clockSkew());
        return jwt -> rules.problemWith(jwt.getHeaders(), jwt.getClaims())
                .map(problem -> OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, problem, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }

    private static JwtAuthenticationConverter authentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::roles);
        return converter;
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        return PlatformTokenRules.authorities(jwt.getClaim(PlatformTokenRules.ROLES_CLAIM)).stream()
                .map(authority -> (GrantedAuthority) new SimpleGrantedAuthority(authority))
                .toList();
    }

    /**
     * Ignores the Authorization header where it has no meaning: a client refreshing with an expired access token
     * still in its header must not get 401 for it. GitHub's authorize endpoint keeps it: there a valid token means
     * "link GitHub to this account".
     */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return (HttpServletRequest request) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean tokenless = List.of(PUBLIC_POSTS).contains(path) || path.equals("/api/v1/auth/jwks")
                    || path.equals("/api/v1/auth/github/callback") || path.equals("/api/v1/auth/github/exchange")
                    || path.startsWith("/actuator/health") || path.equals("/actuator/prometheus")
                    || path.startsWith("/v3/api-docs");
            return tokenless ? null : header.resolve(request);
        };
    }
}
