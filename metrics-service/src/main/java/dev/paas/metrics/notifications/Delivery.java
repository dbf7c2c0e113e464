package dev.paas.metrics.notifications;

import java.util.UUID;

/**
 * One notification of one alert transition to one channel, as the worker claimed it.
 *
 * @param id the delivery
 * @param alertId the alert
 * @param transition {@code RAISED} or {@code RESOLVED}
 * @param kind the alert's kind
 * @param severity the alert's severity
 * @param projectId the project it is about, or {@code null}
 * @param databaseId the database it is about, or {@code null}
 * @param message what the alert says (its reason for a resolution)
 * @param attempts attempts so far, this one included
 * @param channel where it goes
 * @param folded how many notifications of the channel the rate limit suppressed since the last one sent
 */
record Delivery(UUID id, UUID alertId, String transition, String kind, String severity, UUID projectId,
        UUID databaseId, String message, int attempts, ChannelStore.Channel channel, int folded) {

    Delivery withFolded(int count) {
        return new Delivery(id, alertId, transition, kind, severity, projectId, databaseId, message, attempts, channel,
                count);
    }
}
