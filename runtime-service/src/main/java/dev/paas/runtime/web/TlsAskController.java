package dev.paas.runtime.web;

import dev.paas.problems.NotFound;
import dev.paas.runtime.domains.CertificatePermissions;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Caddy's on-demand TLS permission check: before it requests a certificate for a host name it calls
 * {@code GET /internal/tls/ask?domain=<host>} and proceeds only on a 2xx. Needs no token (Caddy has none) but
 * answers only callers on loopback, where Caddy runs; the gateway does not route {@code /internal}.
 */
@RestController
class TlsAskController {

    private final CertificatePermissions permissions;

    TlsAskController(CertificatePermissions permissions) {
        this.permissions = permissions;
    }

    @GetMapping("/internal/tls/ask")
    ResponseEntity<Void> ask(@RequestParam(required = false) String domain, HttpServletRequest request) {
        if (!fromLoopback(request) || !permissions.allows(domain)) {
            throw new NotFound("domain", domain, "no app of the platform is served under it");
        }
        return ResponseEntity.ok().build();
    }

    private static boolean fromLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
