package dev.paas.metrics.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications. Each delivery is claimed in a short transaction (rate limit decided, lease taken), sent
 * outside it, then recorded: SENT, retried with back-off, or FAILED with the reason after the last attempt. A
 * replica that dies mid-send leaves the lease to run out, and another replica tries again.
 */
@Component
public class DeliveryWorker {

    private static final Log log = LogFactory.getLog(DeliveryWorker.class);

    /** Bounds one run so a long backlog cannot hold the scheduler thread forever. */
    private static final int MAX_PER_RUN = 200;

    private final Deliveries deliveries;
    private final Senders senders;
    private final TransactionTemplate transactions;
    private final NotificationsProperties properties;
    private final RateLimit rateLimit;
    private final Backoff backoff;
    private final MeterRegistry meters;

    DeliveryWorker(Deliveries deliveries, Senders senders, TransactionTemplate transactions,
            NotificationsProperties properties, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.senders = senders;
        this.transactions = transactions;
        this.properties = properties;
        this.rateLimit = new RateLimit(properties.rateLimit(), properties.rateWindow());
        this.backoff = new Backoff(properties.retryDelays());
        this.meters = meters;
    }

    @Scheduled(initialDelayString = "${paas.metrics.notifications.poll-interval:2s}",
            fixedDelayString = "${paas.metrics.notifications.poll-interval:2s}")
    void scheduled() {
        if (properties.worker()) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("notification worker run failed: " + e.getMessage(), e);
            }
        }
    }

    /** Forgets finished deliveries after 30 days: the rate limit and the folding only look at the last hours. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetOldDeliveries() {
        deliveries.deleteFinishedOlderThan(30);
    }

    /** Handles every due delivery (up to a bound); returns how many it handled, suppressed ones included. */
    public int sendDue() {
        int handled = 0;
        while (handled < MAX_PER_RUN) {
            Optional<Deliveries.Claim> claim = transactions.execute(status -> deliveries.claimNext(senders.types(),
                    properties.claimLease(), rateLimit));
            if (claim == null || claim.isEmpty()) {
                break;
            }
            handled++;
            Delivery delivery = claim.get().delivery();
            if (claim.get().suppressed()) {
                count("paas.notifications.suppressed", delivery);
            } else {
                attempt(delivery);
            }
        }
        return handled;
    }

    private void attempt(Delivery delivery) {
        try {
            senders.of(delivery.channel().type())
                    .orElseThrow(() -> new DeliveryFailed("no sender for " + delivery.channel().type(), false))
                    .send(delivery.channel(), NotificationMessage.of(delivery));
            transactions.executeWithoutResult(status -> deliveries.sent(delivery));
            count("paas.notifications.sent", delivery);
        } catch (DeliveryFailed e) {
            Optional<Duration> wait = e.retryable() ? backoff.after(delivery.attempts()) : Optional.empty();
            transactions.executeWithoutResult(status -> wait.ifPresentOrElse(
                    delay -> deliveries.retryAfter(delivery.id(), delay, e.getMessage()),
                    () -> deliveries.failed(delivery.id(), "gave up after " + delivery.attempts() + " attempt(s): "
                            + e.getMessage())));
            if (wait.isEmpty()) {
                count("paas.notifications.failed", delivery);
                log.info("notification " + delivery.id() + " to " + delivery.channel() + " failed: " + e.getMessage());
            }
        }
    }

    private void count(String name, Delivery delivery) {
        meters.counter(name, "channel", delivery.channel().type().apiName()).increment();
    }
}
