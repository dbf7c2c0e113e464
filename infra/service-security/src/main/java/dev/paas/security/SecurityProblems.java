package dev.paas.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Writes authentication and authorization failures as RFC 9457 problem details ({@code application/problem+json}):
 * 401 with the {@code WWW-Authenticate} challenge of RFC 6750, 403, and 503 when tokens cannot be verified because
 * identity-service's key set is unreachable.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Log log = LogFactory.getLog(SecurityProblems.class);

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        challenge.commence(request, response, exception);
        write(request, response, 401, "Unauthorized", unauthorizedDetail(exception));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String detail = request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/admin/")
                ? "this endpoint is for administrators only"
                : "you may not do this";
        write(request, response, 403, "Forbidden", detail);
    }

    /** A token that could not be checked at all (key set unreachable) is the platform's fault, not the caller's. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            log.warn("cannot verify an access token: " + exception.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(request, response, 503, "Service Unavailable",
                    "access tokens cannot be verified right now: identity-service's key set is unreachable; retry"
                            + " shortly");
            return;
        }
        commence(request, response, exception);
    }

    private static String unauthorizedDetail(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "the bearer token was rejected" + (description == null ? "" : ": " + description);
        }
        return "this endpoint needs a bearer token: send 'Authorization: Bearer <access token>'";
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
        response.getWriter().flush();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
