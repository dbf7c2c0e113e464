package dev.paas.gateway.edge;

import dev.paas.problems.ProblemJson;
import java.net.URI;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem details from web filters, which run before any controller or its advice could. Problems
 * come from the platform's one factory ({@link dev.paas.problems.Problems}) and are rendered by Jackson, like the
 * services' answers ({@link ProblemJson}).
 */
public final class Problems {

    private Problems() {
    }

    /** Ends the exchange with a problem of {@code status} explaining {@code detail}. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, dev.paas.problems.Problems.problem(status, detail));
    }

    /** Ends the exchange with a problem of {@code status}, after {@code headers} added what the status calls for. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail,
            Consumer<HttpHeaders> headers) {
        return write(exchange, dev.paas.problems.Problems.problem(status, detail), headers);
    }

    /** Ends the exchange with {@code problem}. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, problem, headers -> {
        });
    }

    /** Ends the exchange with {@code problem}, after {@code headers} added what its status calls for. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        byte[] bytes = ProblemJson.bytes(problem);
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.accept(response.getHeaders());
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
