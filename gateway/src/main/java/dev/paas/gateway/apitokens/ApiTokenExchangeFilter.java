package dev.paas.gateway.apitokens;

import dev.paas.gateway.edge.Problems;
import dev.paas.gateway.edge.RequestPaths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets scripts call the API with a personal API token ({@code Authorization: Bearer paas_pat_...}): before
 * authentication the token is exchanged at identity-service for a short-lived access token, which replaces it on the
 * request, so authentication and the services only ever see JWTs. Exchanges are cached briefly.
 */
final class ApiTokenExchangeFilter implements WebFilter, Ordered {

    static final String PREFIX = "paas_pat_";
    private static final String BEARER = "Bearer ";
    private static final RequestPaths API = RequestPaths.of("/api/**");

    private final IdentityTokenExchange identity;
    private final ExchangedTokens exchanged;

    ApiTokenExchangeFilter(IdentityTokenExchange identity, ExchangedTokens exchanged) {
        this.identity = identity;
        this.exchanged = exchanged;
    }

    @Override
    public int getOrder() {
        // After the per-address rate limit (-250), before Spring Security (-100).
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String apiToken = apiToken(exchange.getRequest().getHeaders());
        if (apiToken == null || !API.matches(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        String hash = sha256(apiToken);
        return exchanged.find(hash)
                .map(accessToken -> chain.filter(withAccessToken(exchange, accessToken)))
                .orElseGet(() -> identity.exchange(apiToken).flatMap(outcome -> switch (outcome) {
                    case IdentityTokenExchange.Minted minted -> {
                        exchanged.remember(hash, minted.accessToken(), minted.expiresAt());
                        yield chain.filter(withAccessToken(exchange, minted.accessToken()));
                    }
                    case IdentityTokenExchange.Refused refused -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                            "the API token is unknown, expired or revoked",
                            headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
                                    "Bearer error=\"invalid_token\", error_description=\"the API token was refused\""));
                    case IdentityTokenExchange.Unavailable unavailable -> Problems.write(exchange,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "identity-service is unavailable right now, so API tokens cannot be checked; try again "
                                    + "shortly");
                }));
    }

    private static String apiToken(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.startsWith(PREFIX) ? token : null;
    }

    private static ServerWebExchange withAccessToken(ServerWebExchange exchange, String accessToken) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HttpHeaders.AUTHORIZATION,
                        BEARER + accessToken)))
                .build();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
