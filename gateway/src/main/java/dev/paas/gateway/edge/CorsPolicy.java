package dev.paas.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Closed by default: the dashboard is served from the gateway's own origin and needs no CORS. Preflights from an
 * origin that is not listed in {@code paas.gateway.cors.allowed-origins} get 403, and no response carries
 * {@code Access-Control-Allow-*} headers for such an origin, even when an upstream sent some. Runs before
 * authentication because browsers send preflights without credentials.
 */
@Component
class CorsPolicy implements WebFilter, Ordered {

    private final CorsConfiguration allowed;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsPolicy(EdgeProperties properties) {
        this.allowed = configuration(properties.cors().allowedOrigins());
    }

    @Override
    public int getOrder() {
        return -400;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        boolean listed = origin != null && allowed.checkOrigin(origin) != null;
        if (!listed) {
            exchange.getResponse().beforeCommit(() -> {
                stripCorsHeaders(exchange.getResponse().getHeaders());
                return Mono.empty();
            });
            if (CorsUtils.isPreFlightRequest(request)) {
                return Problems.write(exchange, HttpStatus.FORBIDDEN,
                        "cross-origin requests from " + origin + " are not allowed");
            }
            return chain.filter(exchange);
        }
        boolean valid = processor.process(allowed, exchange);
        if (!valid || CorsUtils.isPreFlightRequest(request)) {
            return exchange.getResponse().setComplete();
        }
        // The gateway's answer for a listed origin wins over whatever CORS headers a service sends back.
        HttpHeaders granted = corsHeaders(exchange.getResponse().getHeaders());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            stripCorsHeaders(headers);
            granted.forEach(headers::put);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static HttpHeaders corsHeaders(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        headers.forEach((name, values) -> {
            if (isCors(name)) {
                copy.put(name, List.copyOf(values));
            }
        });
        return copy;
    }

    private static boolean isCors(String name) {
        return name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length());
    }

    private static void stripCorsHeaders(HttpHeaders headers) {
        headers.headerNames().stream()
                .filter(CorsPolicy::isCors)
                .toList()
                .forEach(headers::remove);
    }

    private static CorsConfiguration configuration(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "RateLimit-Limit",
                "RateLimit-Remaining"));
        // Tokens travel in the Authorization header, never in cookies.
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofMinutes(10));
        return configuration;
    }
}
