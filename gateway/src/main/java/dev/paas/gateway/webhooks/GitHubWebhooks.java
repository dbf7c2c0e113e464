package dev.paas.gateway.webhooks;

import dev.paas.webhooksecrets.WebhookSecrets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies a GitHub delivery against the projects registered for its repository and turns a push into
 * {@link WebhookEvents.PushReceived}, published in the transaction that records the delivery id (the messaging
 * adapter puts it in the outbox there), so it leaves exactly once per delivery, also while NATS or project-service
 * is down. Blocking (JDBC): callers on event-loop threads must move it elsewhere.
 */
@Service
public class GitHubWebhooks {

    private static final Log log = LogFactory.getLog(GitHubWebhooks.class);

    private final Optional<WebhookSecrets> secrets;
    private final GitHubProjects projects;
    private final WebhookDeliveries deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    GitHubWebhooks(WebhookProperties properties, GitHubProjects projects, WebhookDeliveries deliveries,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.secrets = WebhookSecrets.fromKey(properties.key());
        if (secrets.isEmpty()) {
            // The gateway is the front door of the whole API: a missing key only closes the webhook receiver.
            log.warn("paas.webhooks.key (" + WebhookSecrets.KEY_VARIABLE + ") is not set: POST /webhooks/github "
                    + "answers 503 until it is");
        }
        this.projects = projects;
        this.deliveries = deliveries;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A delivery as received: its headers and the exact body bytes the signature covers. */
    public record Delivery(String event, String deliveryId, String signature, byte[] body) {
    }

    /** Handles a delivery whose event and delivery headers are present; throws {@link WebhookRejected} otherwise. */
    public WebhookOutcome receive(Delivery delivery) {
        WebhookSecrets secrets = this.secrets.orElseThrow(() -> new WebhookRejected(HttpStatus.SERVICE_UNAVAILABLE,
                "Webhooks not configured", "the gateway has no webhook key (" + WebhookSecrets.KEY_VARIABLE
                        + "), so it cannot verify deliveries"));
        WebhookPayload payload = WebhookPayload.parse(delivery.body());
        UUID projectId = signingProject(secrets, payload.repository(), delivery);
        return switch (delivery.event()) {
            case "ping" -> new WebhookOutcome.Pong();
            case "push" -> push(projectId, payload, delivery);
            default -> new WebhookOutcome.Ignored(delivery.event());
        };
    }

    private UUID signingProject(WebhookSecrets secrets, String repository, Delivery delivery) {
        List<UUID> candidates = projects.registeredFor(repository);
        if (candidates.isEmpty()) {
            throw new WebhookRejected(HttpStatus.NOT_FOUND, "Unknown repository",
                    "unknown repository: no project is registered for " + repository);
        }
        if (delivery.signature() == null || delivery.signature().isBlank()) {
            throw new WebhookRejected(HttpStatus.UNAUTHORIZED, "Missing signature",
                    "the delivery has no X-Hub-Signature-256 header");
        }
        // Each project registered its own hook with its own secret; the one whose secret signed this is the target.
        return candidates.stream()
                .filter(projectId -> secrets.signs(projectId, delivery.body(), delivery.signature()))
                .findFirst()
                .orElseThrow(() -> new WebhookRejected(HttpStatus.UNAUTHORIZED, "Invalid signature",
                        "X-Hub-Signature-256 does not match the webhook secret of any project for " + repository));
    }

    private WebhookOutcome push(UUID projectId, WebhookPayload payload, Delivery delivery) {
        WebhookEvents.PushReceived push = new WebhookEvents.PushReceived(delivery.deliveryId(), projectId,
                payload.repository(), payload.branch(), payload.after(), payload.headCommitFirstLine(),
                payload.pusher());
        WebhookOutcome outcome = transactions.execute(status -> {
            if (!deliveries.recordFirstReceipt(delivery.deliveryId(), projectId, delivery.event())) {
                return new WebhookOutcome.Duplicate(delivery.deliveryId());
            }
            events.publishEvent(push);
            return new WebhookOutcome.Accepted(delivery.deliveryId());
        });
        if (outcome instanceof WebhookOutcome.Accepted) {
            log.info("accepted push delivery " + delivery.deliveryId() + " to " + payload.repository() + " "
                    + payload.ref() + " for project " + projectId);
        } else {
            log.info("ignored repeated push delivery " + delivery.deliveryId() + " for project " + projectId);
        }
        return outcome;
    }
}
