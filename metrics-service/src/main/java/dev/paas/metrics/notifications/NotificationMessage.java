package dev.paas.metrics.notifications;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a notification says, the same on every channel: a subject line, a text, and its facts (an alert's, or a
 * notice's figures).
 *
 * @param noticeType a notice's type ({@code billing.wallet-low}); {@code null} for an alert
 */
record NotificationMessage(String subject, String text, Map<String, Object> alert, String noticeType) {

    NotificationMessage(String subject, String text, Map<String, Object> alert) {
        this(subject, text, alert, null);
    }

    static NotificationMessage of(Delivery delivery) {
        if (delivery.notice()) {
            return new NotificationMessage(delivery.subject(), delivery.message(),
                    delivery.facts() == null ? Map.of() : delivery.facts(), delivery.kind());
        }
        boolean raised = "RAISED".equals(delivery.transition());
        String what = delivery.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
        String subject = (raised ? "[" + delivery.severity() + "] " : "[RESOLVED] ") + what
                + (delivery.projectId() != null ? " in project " + delivery.projectId()
                        : delivery.databaseId() != null ? " of database " + delivery.databaseId() : "");
        StringBuilder text = new StringBuilder(subject).append(": ").append(delivery.message());
        if (delivery.folded() > 0) {
            text.append(" (and ").append(delivery.folded()).append(delivery.folded() == 1 ? " more alert" : " more alerts")
                    .append(" held back by the rate limit since the last notification)");
        }
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", delivery.alertId());
        alert.put("transition", delivery.transition());
        alert.put("kind", delivery.kind());
        alert.put("severity", delivery.severity());
        alert.put("projectId", delivery.projectId());
        alert.put("databaseId", delivery.databaseId());
        alert.put("message", delivery.message());
        alert.put("suppressedSinceLast", delivery.folded());
        return new NotificationMessage(subject, text.toString(), alert);
    }

    /** Whether it is a notice about the account rather than an alert. */
    boolean notice() {
        return noticeType != null;
    }
}
