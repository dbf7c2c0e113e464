package dev.paas.gateway.web;

import dev.paas.gateway.webhooks.GitHubWebhooks;
import dev.paas.gateway.webhooks.WebhookOutcome;
import dev.paas.gateway.webhooks.WebhookRejected;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /webhooks/github}: GitHub's deliveries for the hooks identity-service registered. Public (GitHub
 * sends no token); the signature is the authentication. Errors are problem details; nothing is stored or published
 * for any of them.
 */
@RestController
class GitHubWebhookEndpoint {

    private static final Log log = LogFactory.getLog(GitHubWebhookEndpoint.class);
    private static final int MAX_HEADER_LENGTH = 100;
    /**
     * GitHub never sends more than 25 MB. The edge's body limit for {@code /webhooks/**} applies first and is
     * smaller; this only bounds what is held in memory should that filter be absent.
     */
    private static final int MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

    private final GitHubWebhooks webhooks;

    GitHubWebhookEndpoint(GitHubWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/github")
    Mono<ResponseEntity<Map<String, String>>> receive(
            @RequestHeader(name = "X-GitHub-Event", required = false) String event,
            @RequestHeader(name = "X-GitHub-Delivery", required = false) String deliveryId,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            ServerHttpRequest request) {
        if (!present(event) || !present(deliveryId)) {
            return Mono.error(WebhookRejected.malformed(
                    "a GitHub delivery needs the X-GitHub-Event and X-GitHub-Delivery headers"));
        }
        if (event.length() > MAX_HEADER_LENGTH || deliveryId.length() > MAX_HEADER_LENGTH) {
            return Mono.error(WebhookRejected.malformed("X-GitHub-Event or X-GitHub-Delivery is too long"));
        }
        return rawBody(request)
                .map(body -> new GitHubWebhooks.Delivery(event, deliveryId, signature, body))
                .publishOn(Schedulers.boundedElastic())
                .map(webhooks::receive)
                .map(GitHubWebhookEndpoint::response);
    }

    /** The exact bytes GitHub signed; decoding them first would break the signature check. */
    private Mono<byte[]> rawBody(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_PAYLOAD_BYTES)
                .map(GitHubWebhookEndpoint::bytesOf)
                .defaultIfEmpty(new byte[0]);
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ResponseEntity<Map<String, String>> response(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.Pong pong -> ResponseEntity.ok(Map.of("status", "pong"));
            case WebhookOutcome.Ignored ignored -> ResponseEntity.accepted()
                    .body(Map.of("status", "ignored", "event", ignored.event()));
            case WebhookOutcome.Accepted accepted -> ResponseEntity.accepted()
                    .body(Map.of("status", "accepted", "deliveryId", accepted.deliveryId()));
            case WebhookOutcome.Duplicate duplicate -> ResponseEntity.ok(
                    Map.of("status", "duplicate delivery ignored", "deliveryId", duplicate.deliveryId()));
        };
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(WebhookRejected rejection, ServerHttpRequest request) {
        // Delivery id and reason only: the signature and the secrets never reach the log.
        log.info("rejected GitHub delivery " + request.getHeaders().getFirst("X-GitHub-Delivery") + " ("
                + rejection.status().value() + "): " + rejection.getMessage());
        return problem(rejection.status(), rejection.title(), rejection.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Delivery too large",
                "the delivery is larger than " + MAX_PAYLOAD_BYTES + " bytes");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank();
    }
}
