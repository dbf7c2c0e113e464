package dev.paas.metrics.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery rows: one per alert transition and channel, or per notice and channel (a unique key, so a replayed
 * event or a second replica plans nothing twice), claimed by workers with {@code for update skip locked}.
 */
@Repository
class Deliveries {

    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Deliveries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Plans a delivery; false when this transition already has one for the channel. */
    boolean plan(UUID alertId, int opening, String transition, UUID channelId, String kind, String severity,
            UUID projectId, UUID databaseId, String message) {
        return jdbc.update("""
                insert into notification_deliveries (id, alert_id, opening, transition, channel_id, kind, severity,
                    project_id, database_id, message, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, now(), now())
                on conflict on constraint notification_deliveries_once do nothing""",
                UUID.randomUUID(), alertId, opening, transition, channelId, kind, severity, projectId, databaseId,
                message) == 1;
    }

    /**
     * Plans a notice's delivery, keyed by the notice's id as an alert's is by the alert's transition; false when the
     * notice already has one for the channel.
     */
    boolean planNotice(UUID noticeId, String type, UUID channelId, String subject, String text,
            Map<String, Object> facts) {
        return jdbc.update("""
                insert into notification_deliveries (id, alert_id, opening, transition, channel_id, kind, subject,
                    facts, message, status, attempts, next_attempt_at, created_at)
                values (?, ?, 1, ?, ?, ?, ?, ?, ?, 'PENDING', 0, now(), now())
                on conflict on constraint notification_deliveries_once do nothing""",
                UUID.randomUUID(), noticeId, Delivery.NOTICE, channelId, type, subject, json.writeValueAsString(facts),
                text.length() <= 1000 ? text : text.substring(0, 997) + "...") == 1;
    }

    /**
     * Claims the next due delivery to a channel of {@code types}: the rate limit is decided once per delivery, under
     * the channel's row lock so replicas count alike; a delivery over the limit is SUPPRESSED; one within it is
     * leased to this worker for {@code lease}. Notices about the account are rare and must not be lost to an alert
     * storm: the rate limit neither counts nor suppresses them, and no suppressed alert is folded into them. Must run
     * in a transaction.
     */
    Optional<Claim> claimNext(List<ChannelType> types, Duration lease, RateLimit limit) {
        List<Delivery> due = jdbc.query("""
                select d.*, c.owner_id, c.type as channel_type, c.target, c.secret, c.created_at as channel_created
                from notification_deliveries d join notification_channels c on c.id = d.channel_id
                where d.status = 'PENDING' and d.next_attempt_at <= now() and c.type = any (?)
                order by d.next_attempt_at, d.created_at limit 1 for update of d skip locked""",
                this::map, (Object) types.stream().map(Enum::name).toArray(String[]::new));
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Delivery delivery = due.getFirst();
        if (delivery.notice()) {
            return Optional.of(new Claim(delivery.withAttempts(lease(delivery, lease), 0), false));
        }
        UUID channelId = delivery.channel().id();
        jdbc.query("select id from notification_channels where id = ? for no key update", rs -> null, channelId);
        boolean counted = Boolean.TRUE.equals(jdbc.queryForObject(
                "select counted_at is not null from notification_deliveries where id = ?", Boolean.class,
                delivery.id()));
        if (!counted) {
            Long used = jdbc.queryForObject("""
                    select count(*) from notification_deliveries
                    where channel_id = ? and counted_at > now() - ? * interval '1 millisecond'""", Long.class,
                    channelId, limit.window().toMillis());
            if (!limit.admits(used == null ? 0 : used)) {
                jdbc.update("""
                        update notification_deliveries set status = 'SUPPRESSED',
                            last_error = 'rate limit: ' || ? || ' per channel within ' || ? || ' seconds'
                        where id = ?""", limit.limit(), limit.window().toSeconds(), delivery.id());
                return Optional.of(new Claim(delivery, true));
            }
            jdbc.update("update notification_deliveries set counted_at = now() where id = ?", delivery.id());
        }
        Integer folded = jdbc.queryForObject("""
                select count(*) from notification_deliveries
                where channel_id = ? and status = 'SUPPRESSED' and folded_into is null""", Integer.class, channelId);
        return Optional.of(new Claim(delivery.withAttempts(lease(delivery, lease), folded == null ? 0 : folded),
                false));
    }

    /** Counts the attempt and leases the delivery to this worker; returns the attempts so far, this one included. */
    private int lease(Delivery delivery, Duration lease) {
        Integer attempts = jdbc.queryForObject("""
                update notification_deliveries set attempts = attempts + 1,
                    next_attempt_at = now() + ? * interval '1 millisecond'
                where id = ? returning attempts""", Integer.class, lease.toMillis(), delivery.id());
        return attempts == null ? 1 : attempts;
    }

    /** A claimed delivery: to send now, or {@code suppressed} by the rate limit. */
    record Claim(Delivery delivery, boolean suppressed) {
    }

    /** Records a delivery as SENT, with the suppressed ones it reported folded into it. */
    void sent(Delivery delivery) {
        jdbc.update("""
                update notification_deliveries set status = 'SENT', sent_at = now(), folded_count = ?, last_error = null
                where id = ?""", delivery.folded(), delivery.id());
        if (delivery.folded() > 0) {
            jdbc.update("""
                    update notification_deliveries set folded_into = ?
                    where id in (select id from notification_deliveries
                                 where channel_id = ? and status = 'SUPPRESSED' and folded_into is null
                                 order by created_at limit ?)""", delivery.id(), delivery.channel().id(),
                    delivery.folded());
        }
    }

    /** Schedules another attempt after {@code wait}. */
    void retryAfter(UUID id, Duration wait, String error) {
        jdbc.update("""
                update notification_deliveries set next_attempt_at = now() + ? * interval '1 millisecond',
                    last_error = ? where id = ?""", wait.toMillis(), truncate(error), id);
    }

    /** Gives a delivery up. */
    void failed(UUID id, String error) {
        jdbc.update("update notification_deliveries set status = 'FAILED', last_error = ? where id = ?",
                truncate(error), id);
    }

    /** Deletes finished deliveries created more than {@code days} days ago. */
    int deleteFinishedOlderThan(int days) {
        return jdbc.update("""
                delete from notification_deliveries
                where status in ('SENT', 'FAILED', 'SUPPRESSED') and created_at < now() - ? * interval '1 day'""",
                days);
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        ChannelStore.Channel channel = new ChannelStore.Channel(rs.getObject("channel_id", UUID.class),
                rs.getObject("owner_id", UUID.class), ChannelType.valueOf(rs.getString("channel_type")),
                rs.getString("target"), rs.getString("secret"), rs.getTimestamp("channel_created").toInstant());
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class),
                rs.getString("transition"), rs.getString("kind"), rs.getString("severity"),
                rs.getObject("project_id", UUID.class), rs.getObject("database_id", UUID.class),
                rs.getString("message"), rs.getInt("attempts"), channel, 0, rs.getString("subject"),
                facts(rs.getString("facts")));
    }

    private Map<String, Object> facts(String text) {
        return text == null ? null : json.readValue(text, FACTS);
    }
}
