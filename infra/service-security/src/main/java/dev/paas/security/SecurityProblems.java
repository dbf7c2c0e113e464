package dev.paas.security;

import dev.paas.problems.Problems;
import dev.paas.problems.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Writes authentication and authorization failures as the platform's problem details: 401 with the
 * {@code WWW-Authenticate} challenge of RFC 6750, 403, and 503 when tokens cannot be verified because
 * identity-service's key set is unreachable.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Log log = LogFactory.getLog(SecurityProblems.class);

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        challenge.commence(request, response, exception);
        ServletProblems.write(request, response, exception instanceof OAuth2AuthenticationException oauth
                ? Problems.tokenRejected(oauth.getError().getDescription())
                : Problems.tokenMissing());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        ServletProblems.write(request, response, Problems.forbidden());
    }

    /** A token that could not be checked at all (key set unreachable) is the platform's fault, not the caller's. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            log.warn("cannot verify an access token: " + exception.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ServletProblems.write(request, response, Problems.signingKeysUnavailable());
            return;
        }
        commence(request, response, exception);
    }
}
