package dev.paas.gateway.edge;

import java.security.Principal;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What the services learn about the caller from the gateway: {@code X-Paas-Client-Ip} (used for audit and sign-in
 * throttling) and, informational only, {@code X-Paas-User-Id}. Whatever {@code X-Paas-*} headers the client sent are
 * dropped first, so a service can trust that these came from the gateway. Services still authorize by the JWT alone.
 * Runs after authentication, so the user is known.
 */
@Component
class IdentityHeaders implements WebFilter, Ordered {

    static final String CLIENT_IP = "X-Paas-Client-Ip";
    static final String USER_ID = "X-Paas-User-Id";
    private static final String PREFIX = "x-paas-";

    @Override
    public int getOrder() {
        // Spring Security's filter chain runs at -100.
        return -80;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String clientIp = ClientAddress.of(exchange);
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("")
                .flatMap(userId -> chain.filter(exchange.mutate()
                        .request(withIdentity(exchange.getRequest(), clientIp, userId))
                        .build()));
    }

    private static ServerHttpRequest withIdentity(ServerHttpRequest request, String clientIp, String userId) {
        return request.mutate().headers(headers -> {
            strip(headers);
            headers.set(CLIENT_IP, clientIp);
            if (!userId.isEmpty()) {
                headers.set(USER_ID, userId);
            }
        }).build();
    }

    private static void strip(HttpHeaders headers) {
        headers.headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                .toList()
                .forEach(headers::remove);
    }
}
