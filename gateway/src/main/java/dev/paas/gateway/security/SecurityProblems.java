package dev.paas.gateway.security;

import dev.paas.gateway.edge.Problems;
import dev.paas.gateway.edge.RequestPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem details with the {@code WWW-Authenticate} challenge RFC 6750 asks for; 503 naming
 * identity-service when its key set cannot be fetched, since that is an outage and not a bad token.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerAuthenticationFailureHandler {

    private static final RequestPaths ADMIN_PATHS = RequestPaths.of("/api/v1/admin", "/api/v1/admin/**",
            "/actuator", "/actuator/**");

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            String description = error.getDescription() == null ? error.getErrorCode() : error.getDescription();
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "the access token was rejected: " + description,
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.getErrorCode()
                            + "\", error_description=\"" + description.replace("\"", "'") + "\""));
        }
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "this endpoint needs a bearer token",
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String detail = ADMIN_PATHS.matches(exchange.getRequest()) ? "this endpoint is for administrators"
                : "this endpoint cannot be called from outside the gateway";
        return Problems.write(exchange, HttpStatus.FORBIDDEN, detail,
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (exception instanceof AuthenticationServiceException) {
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "identity-service is unavailable right now (its signing keys cannot be fetched); try again shortly");
        }
        return commence(exchange, exception);
    }
}
