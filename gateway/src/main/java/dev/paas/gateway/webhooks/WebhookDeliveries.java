package dev.paas.gateway.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Deliveries already accepted, keyed by GitHub's {@code X-GitHub-Delivery}, so a redelivery is recognised. */
@Repository
class WebhookDeliveries {

    private final JdbcTemplate jdbc;

    WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the delivery; {@code false} when it was recorded before. A concurrent second attempt waits for the
     * first one's transaction and then finds its row.
     */
    boolean recordFirstReceipt(String deliveryId, UUID projectId, String event) {
        return jdbc.update("insert into webhook_deliveries (delivery_id, project_id, event, received_at)"
                + " values (?, ?, ?, now()) on conflict do nothing", deliveryId, projectId, event) == 1;
    }

    int deleteReceivedBefore(Instant cutoff) {
        return jdbc.update("delete from webhook_deliveries where received_at < ?", Timestamp.from(cutoff));
    }
}
