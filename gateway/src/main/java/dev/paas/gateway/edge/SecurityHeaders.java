package dev.paas.gateway.edge;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser hardening on every response the gateway serves: proxied API answers, the dashboard, and errors from the
 * gateway itself. The headers are set just before the response is committed, so they replace whatever an upstream
 * sent and also reach responses written by error handlers after this filter returned.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    private static final RequestPaths API = RequestPaths.of("/api/**", "/webhooks/**", "/actuator/**",
            "/unavailable/**", "/v3/api-docs/**");
    // Headers that only tell an attacker which software answers.
    private static final List<String> REVEALING = List.of("Server", "X-Powered-By", "X-AspNet-Version",
            "X-Application-Context");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean api = API.matches(request);
        boolean tls = overTls(request);
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            REVEALING.forEach(headers::remove);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", api ? API_POLICY : DASHBOARD_POLICY);
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
            if (tls) {
                headers.set("Strict-Transport-Security", HSTS);
            } else {
                // A plain-HTTP answer must not pin HTTPS, and an upstream must not do it for us.
                headers.remove("Strict-Transport-Security");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** Direct TLS, or TLS terminated by the ingress on this machine (an outside peer cannot claim it). */
    static boolean overTls(ServerHttpRequest request) {
        if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
            return true;
        }
        String proto = request.getHeaders().getFirst("X-Forwarded-Proto");
        return proto != null && ClientAddress.fromLoopback(request) && "https".equalsIgnoreCase(proto.strip());
    }
}
