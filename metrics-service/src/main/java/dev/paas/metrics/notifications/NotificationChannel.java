package dev.paas.metrics.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's notification channel as the API shows it.
 *
 * @param id the channel
 * @param type {@code email} or {@code webhook}
 * @param target the e-mail address or the webhook URL
 * @param createdAt when it was added
 * @param signingSecret the webhook's signing secret: shown once, in the answer to its creation, never again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationChannel(UUID id, String type, String target, Instant createdAt, String signingSecret) {
}
