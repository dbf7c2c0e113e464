package dev.paas.identity.web;

import dev.paas.identity.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in caller of a request, as the audit log and the services know it. */
final class Callers {

    private Callers() {
    }

    static UUID idOf(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    static Actor actor(Jwt jwt, HttpServletRequest request) {
        return new Actor(idOf(jwt), jwt.getClaimAsString("email"), ClientAddress.of(request));
    }
}
