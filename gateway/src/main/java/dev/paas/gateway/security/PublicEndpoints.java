package dev.paas.gateway.security;

import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** What anybody may call without a token. */
final class PublicEndpoints {

    /**
     * Sign-in, the key set, GitHub's redirect back, webhooks (GitHub's and Stripe's, verified by signature) and health
     * probes.
     */
    static final ServerWebExchangeMatcher ANONYMOUS = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
                    "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/github/exchange", "/webhooks/github",
                    "/webhooks/stripe"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/auth/jwks",
                    "/api/v1/auth/github/callback"),
            ServerWebExchangeMatchers.pathMatchers("/actuator/health", "/actuator/health/**"));

    /**
     * Prometheus on the host scraping the gateway's metrics straight at its loopback port. Whatever comes through the
     * ingress carries the {@code X-Forwarded-For} Caddy adds, so this never opens the metrics to the outside; a
     * scraper on another machine or container still needs an administrator's token.
     */
    static final ServerWebExchangeMatcher LOCAL_SCRAPE = new AndServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/actuator/prometheus"),
            exchange -> directFromLoopback(exchange.getRequest())
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch());

    /** Starts a GitHub sign-in; with a token it links GitHub to that account instead, so a token still counts. */
    static final ServerWebExchangeMatcher GITHUB_AUTHORIZE =
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/auth/github/authorize");

    /** Everything the gateway serves itself and that is never API: the dashboard and its files. */
    static final ServerWebExchangeMatcher STATIC_FILES = new AndServerWebExchangeMatcher(
            new OrServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/**"),
                    ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/**")),
            new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api", "/api/**",
                    "/actuator", "/actuator/**", "/webhooks/**", "/unavailable/**")));

    /**
     * Where a bearer token is not even looked at: a stale token sent along with a sign-in or a page load must not
     * turn it into a 401.
     */
    static final ServerWebExchangeMatcher TOKEN_IGNORED = new OrServerWebExchangeMatcher(ANONYMOUS,
            STATIC_FILES, LOCAL_SCRAPE);

    private static boolean directFromLoopback(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        HttpHeaders headers = request.getHeaders();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress()
                && !headers.containsHeader("X-Forwarded-For") && !headers.containsHeader("Forwarded")
                && !headers.containsHeader("X-Real-IP");
    }

    private PublicEndpoints() {
    }
}
