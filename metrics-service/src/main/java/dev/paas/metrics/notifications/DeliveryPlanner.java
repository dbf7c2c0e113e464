package dev.paas.metrics.notifications;

import dev.paas.metrics.alerts.AlertEvents;
import dev.paas.metrics.billing.BillingNotice;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans one delivery per channel of the alert's owner for every opening and resolution, inside the alert's
 * transaction: the notification is due exactly when the alert change commits. Platform alerts (no owner) stay in
 * the administrators' in-app list. Notices about a user's account (a low balance, a suspension, a reinstatement)
 * are planned the same way; a user without channels sees them in-app only, through billing-service.
 */
@Component
class DeliveryPlanner {

    private final ChannelStore channels;
    private final Deliveries deliveries;
    private final Senders senders;

    DeliveryPlanner(ChannelStore channels, Deliveries deliveries, Senders senders) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.senders = senders;
    }

    @EventListener
    void on(AlertEvents.Raised raised) {
        plan(raised.ownerId(), raised.alertId(), raised.opening(), "RAISED", raised.kind().name(), raised.severity(),
                raised.projectId(), raised.databaseId(), raised.message());
    }

    @EventListener
    void on(AlertEvents.Resolved resolved) {
        plan(resolved.ownerId(), resolved.alertId(), resolved.opening(), "RESOLVED", resolved.kind().name(),
                resolved.severity(), resolved.projectId(), resolved.databaseId(), resolved.reason());
    }

    /** A notice about the user's account: one delivery per channel, keyed by the notice (its fact's event id). */
    @EventListener
    void on(BillingNotice notice) {
        for (ChannelStore.Channel channel : channels.of(notice.userId())) {
            if (senders.supports(channel.type())) {
                deliveries.planNotice(notice.id(), notice.type(), channel.id(), notice.subject(), notice.text(),
                        notice.facts());
            }
        }
    }

    private void plan(UUID ownerId, UUID alertId, int opening, String transition, String kind, String severity,
            UUID projectId, UUID databaseId, String message) {
        if (ownerId == null) {
            return;
        }
        for (ChannelStore.Channel channel : channels.of(ownerId)) {
            // Without SMTP an e-mail channel is skipped, not queued for a server that may never come.
            if (senders.supports(channel.type())) {
                deliveries.plan(alertId, opening, transition, channel.id(), kind, severity, projectId, databaseId,
                        message);
            }
        }
    }
}
