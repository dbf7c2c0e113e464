package dev.paas.gateway.security;

import dev.paas.gateway.edge.Problems;
import org.springframework.http.HttpHeaders;
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
 * identity-service when its key set cannot be fetched, since that is an outage and not a bad token. The texts are
 * the platform's ({@link dev.paas.problems.Problems}), the same as behind the gateway.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerAuthenticationFailureHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            String description = error.getDescription() == null ? error.getErrorCode() : error.getDescription();
            return Problems.write(exchange, dev.paas.problems.Problems.tokenRejected(description),
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.getErrorCode()
                            + "\", error_description=\"" + description.replace("\"", "'") + "\""));
        }
        return Problems.write(exchange, dev.paas.problems.Problems.tokenMissing(),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Problems.write(exchange, dev.paas.problems.Problems.forbidden(),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (exception instanceof AuthenticationServiceException) {
            return Problems.write(exchange, dev.paas.problems.Problems.signingKeysUnavailable());
        }
        return commence(exchange, exception);
    }
}
