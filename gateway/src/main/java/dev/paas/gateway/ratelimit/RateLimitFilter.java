package dev.paas.gateway.ratelimit;

import dev.paas.gateway.edge.Problems;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts requests against their buckets and answers 429 with {@code Retry-After} when one is empty. Passing
 * responses carry {@code RateLimit-Limit} and {@code RateLimit-Remaining} of the bucket closest to its limit.
 */
final class RateLimitFilter implements WebFilter, Ordered {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";

    private final int order;
    private final Function<ServerWebExchange, Mono<List<Bucket>>> buckets;
    private final TokenBuckets limiter;

    RateLimitFilter(int order, Function<ServerWebExchange, Mono<List<Bucket>>> buckets, TokenBuckets limiter) {
        this.order = order;
        this.buckets = buckets;
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return buckets.apply(exchange)
                .defaultIfEmpty(List.of())
                .flatMap(counted -> counted.isEmpty() ? Mono.just(Decision.unchecked()) : limiter.acquire(counted))
                .flatMap(decision -> {
                    if (decision.allowed()) {
                        announce(exchange.getResponse().getHeaders(), decision);
                        return chain.filter(exchange);
                    }
                    return refuse(exchange, decision);
                });
    }

    private static void announce(HttpHeaders headers, Decision decision) {
        if (!decision.checked()) {
            return;
        }
        String shown = headers.getFirst(REMAINING);
        // An earlier stage may already have announced a tighter bucket.
        if (shown == null || Long.parseLong(shown) > decision.remaining()) {
            headers.set(LIMIT, Integer.toString(decision.tightest().capacity()));
            headers.set(REMAINING, Long.toString(decision.remaining()));
        }
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, Decision decision) {
        Bucket bucket = decision.tightest();
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "too many " + bucket.what() + ": at most " + bucket.capacity() + " per " + describe(bucket)
                        + "; retry in " + decision.retryAfterSeconds() + " s",
                headers -> {
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                    headers.set(LIMIT, Integer.toString(bucket.capacity()));
                    headers.set(REMAINING, "0");
                });
    }

    private static String describe(Bucket bucket) {
        long seconds = bucket.period().toSeconds();
        return seconds == 60 ? "minute" : seconds + " s";
    }
}
