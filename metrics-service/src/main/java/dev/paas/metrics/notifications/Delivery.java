package dev.paas.metrics.notifications;

import java.util.Map;
import java.util.UUID;

/**
 * One notification of one alert transition (or one notice about the account) to one channel, as the worker
 * claimed it.
 *
 * @param id the delivery
 * @param alertId the alert (for a notice, the event id of the fact it is about)
 * @param transition {@code RAISED} or {@code RESOLVED}, or {@code NOTICE}
 * @param kind the alert's kind (for a notice, its type such as {@code billing.wallet-low})
 * @param severity the alert's severity
 * @param projectId the project it is about, or {@code null}
 * @param databaseId the database it is about, or {@code null}
 * @param message what the alert says (its reason for a resolution)
 * @param attempts attempts so far, this one included
 * @param channel where it goes
 * @param folded how many notifications of the channel the rate limit suppressed since the last one sent
 * @param subject a notice's subject line ({@code null} for an alert)
 * @param facts a notice's figures ({@code null} for an alert)
 */
record Delivery(UUID id, UUID alertId, String transition, String kind, String severity, UUID projectId,
        UUID databaseId, String message, int attempts, ChannelStore.Channel channel, int folded, String subject,
        Map<String, Object> facts) {

    /** The transition of a notice about the account (a billing notice), which is no alert. */
    static final String NOTICE = "NOTICE";

    Delivery withFolded(int count) {
        return new Delivery(id, alertId, transition, kind, severity, projectId, databaseId, message, attempts, channel,
                count, subject, facts);
    }

    Delivery withAttempts(int count, int foldedCount) {
        return new Delivery(id, alertId, transition, kind, severity, projectId, databaseId, message, count, channel,
                foldedCount, subject, facts);
    }

    /** Whether it is a notice about the account rather than an alert. */
    boolean notice() {
        return NOTICE.equals(transition);
    }
}
