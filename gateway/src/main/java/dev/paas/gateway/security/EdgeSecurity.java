package dev.paas.gateway.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Authentication at the edge: every API call needs a valid access token (RS256, verified against identity-service's
 * key set), except sign-in, the key set, GitHub's redirects, webhooks and health probes; admin paths and the
 * gateway's own metrics need the admin role, but for a scrape straight at the gateway's loopback port. Valid tokens travel on to the services unchanged; they verify again.
 * Stateless: no session, no CSRF (nothing is authenticated by cookie). Security headers and CORS are handled by the
 * edge filters for every response, so Spring Security's own writers are off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(EdgeSecurityProperties.class)
class EdgeSecurity {

    @Bean
    ReactiveJwtDecoder jwtDecoder(EdgeSecurityProperties properties) {
        return PlatformJwtDecoder.create(properties);
    }

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        SecurityProblems problems = new SecurityProblems();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(EdgeSecurity::rules)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .authenticationFailureHandler(problems)
                        .bearerTokenConverter(tokensOutsidePublicEndpoints())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new PlatformAuthorities())))
                .build();
    }

    private static void rules(AuthorizeExchangeSpec exchanges) {
        exchanges
                .matchers(PublicEndpoints.ANONYMOUS, PublicEndpoints.GITHUB_AUTHORIZE, PublicEndpoints.LOCAL_SCRAPE)
                .permitAll()
                .pathMatchers("/actuator", "/actuator/**").hasRole("ADMIN")
                .pathMatchers("/api/v1/admin", "/api/v1/admin/**").hasRole("ADMIN")
                // Circuit-breaker fallbacks are reached by internal forwards only.
                .pathMatchers("/unavailable/**").denyAll()
                .pathMatchers("/api", "/api/**", "/webhooks/**").authenticated()
                .matchers(PublicEndpoints.STATIC_FILES).permitAll()
                .anyExchange().authenticated();
    }

    private static ServerAuthenticationConverter tokensOutsidePublicEndpoints() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange -> PublicEndpoints.TOKEN_IGNORED.matches(exchange)
                .filter(match -> !match.isMatch())
                .flatMap(match -> bearer.convert(exchange));
    }
}
