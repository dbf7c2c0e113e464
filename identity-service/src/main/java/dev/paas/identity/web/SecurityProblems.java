package dev.paas.identity.web;

import dev.paas.problems.Problems;
import dev.paas.problems.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 of identity-service's own security filters, in the platform's voice: the RFC 6750 challenge from
 * Spring Security, the body from {@link Problems}. The other services get the same from service-security.
 */
@Component
class SecurityProblems {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        ServletProblems.write(request, response, e instanceof OAuth2AuthenticationException oauth
                ? Problems.tokenRejected(oauth.getError().getDescription())
                : Problems.tokenMissing());
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        ServletProblems.write(request, response, Problems.forbidden());
    }
}
