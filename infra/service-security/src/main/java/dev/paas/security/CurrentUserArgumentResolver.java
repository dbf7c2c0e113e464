package dev.paas.security;

import dev.paas.tokens.PlatformTokenRules;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies {@link CurrentUser} parameters of controller methods from the verified token of the request. */
final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    static final String CLIENT_IP_HEADER = "X-Paas-Client-Ip";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CurrentUser.class.equals(parameter.getParameterType());
    }

    @Override
    public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            // Reaches the security filters' entry point: a 401 problem, as for any other missing token.
            throw new AuthenticationCredentialsNotFoundException("this endpoint needs a signed-in user");
        }
        return of(token.getToken(), webRequest.getNativeRequest(HttpServletRequest.class));
    }

    static CurrentUser of(Jwt jwt, HttpServletRequest request) {
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(PlatformTokenRules.EMAIL_CLAIM),
                PlatformTokenRules.roles(jwt.getClaim(PlatformTokenRules.ROLES_CLAIM)), clientIp(request));
    }

    private static String clientIp(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        String forwarded = request.getHeader(CLIENT_IP_HEADER);
        // The gateway strips client-sent X-Paas-* headers and sets this one, so it can be trusted here.
        return forwarded != null && !forwarded.isBlank() ? forwarded.strip() : request.getRemoteAddr();
    }
}
