package dev.paas.metrics.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The channel rows. */
@Repository
class ChannelStore {

    private static final RowMapper<Channel> ROW = ChannelStore::map;

    private final JdbcTemplate jdbc;

    ChannelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Channel insert(UUID ownerId, ChannelType type, String target, String secret) {
        return jdbc.queryForObject("""
                insert into notification_channels (id, owner_id, type, target, secret, created_at)
                values (?, ?, ?, ?, ?, now()) returning *""", ROW, UUID.randomUUID(), ownerId, type.name(), target,
                secret);
    }

    List<Channel> of(UUID ownerId) {
        return jdbc.query("select * from notification_channels where owner_id = ? order by created_at, id", ROW,
                ownerId);
    }

    Optional<Channel> find(UUID id) {
        return jdbc.query("select * from notification_channels where id = ?", ROW, id).stream().findFirst();
    }

    void delete(UUID id) {
        jdbc.update("delete from notification_channels where id = ?", id);
    }

    private static Channel map(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                ChannelType.valueOf(rs.getString("type")), rs.getString("target"), rs.getString("secret"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** A channel with its secret, for the worker; never shown through the API after its creation. */
    record Channel(UUID id, UUID ownerId, ChannelType type, String target, String secret, Instant createdAt) {

        NotificationChannel view() {
            return new NotificationChannel(id, type.apiName(), target, createdAt, null);
        }

        @Override
        public String toString() {
            return "Channel[id=" + id + ", type=" + type + "]";
        }
    }
}
