package dev.paas.gateway.edge;

import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above the configured size with 413, before authentication, routing or any upstream sees
 * them. A declared {@code Content-Length} is checked up front; a chunked body is read up to the limit and refused as
 * soon as it passes it, so an endless upload costs at most the limit.
 */
@Component
class BodySizeLimits implements WebFilter, Ordered {

    private static final RequestPaths WEBHOOKS = RequestPaths.of("/webhooks/**");

    private final EdgeProperties.BodyLimits limits;

    BodySizeLimits(EdgeProperties properties) {
        this.limits = properties.bodyLimits();
    }

    @Override
    public int getOrder() {
        return -300;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = (WEBHOOKS.matches(request) ? limits.webhooks() : limits.api()).toBytes();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        Mono<Optional<Flux<DataBuffer>>> read = DataBufferUtils
                .join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
                .map(joined -> Optional.of(Flux.just(onHeap(joined))))
                .defaultIfEmpty(Optional.of(Flux.empty()))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(Optional.empty()));
        return read.flatMap(body -> body.isPresent()
                ? chain.filter(exchange.mutate().request(withBody(request, body.get())).build())
                : tooLarge(exchange, limit));
    }

    /**
     * A heap copy of the joined body: a pooled buffer would leak when a later filter (401, 429) answers without
     * reading the body.
     */
    private static DataBuffer onHeap(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, Flux<DataBuffer> body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return Problems.write(exchange, dev.paas.problems.Problems.tooLarge(limit));
    }
}
