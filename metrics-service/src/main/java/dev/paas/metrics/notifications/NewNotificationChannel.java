package dev.paas.metrics.notifications;

/**
 * A channel as a client asks for it.
 *
 * @param type {@code email} or {@code webhook}
 * @param address the e-mail address (for {@code email})
 * @param url the incoming-webhook URL, {@code https://} or {@code http://} (for {@code webhook})
 */
public record NewNotificationChannel(String type, String address, String url) {
}
