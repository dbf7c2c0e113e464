package dev.paas.metrics.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The alert rows. Writes run inside the caller's transaction, after {@link #lock(String)} of the key. */
@Repository
class AlertStore {

    private static final RowMapper<Alert> ROW = AlertStore::map;

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises every change of one alert key until the transaction ends, so replicas evaluating the same pass or
     * the same replayed event take turns and the second one sees what the first did.
     */
    void lock(String key) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 11))", rs -> null, key);
    }

    Optional<Alert> open(String key) {
        return jdbc.query("select * from alerts where alert_key = ? and state = 'OPEN'", ROW, key).stream()
                .findFirst();
    }

    Optional<Alert> resolvedSince(String key, Instant since) {
        return jdbc.query("""
                select * from alerts where alert_key = ? and state = 'RESOLVED' and resolved_at >= ?
                order by resolved_at desc limit 1""", ROW, key, Timestamp.from(since)).stream().findFirst();
    }

    void touch(UUID id, AlertSpec spec) {
        jdbc.update("""
                update alerts set message = ?, last_value = ?, last_seen_at = greatest(last_seen_at, ?)
                where id = ?""", spec.message(), spec.value(), Timestamp.from(spec.at()), id);
    }

    Alert insert(UUID id, AlertSpec spec) {
        return jdbc.queryForObject("""
                insert into alerts (id, alert_key, kind, severity, owner_id, project_id, database_id, container_id,
                    state, message, last_value, openings, opened_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 1, ?, ?) returning *""", ROW,
                id, spec.key(), spec.kind().name(), spec.severity(), spec.ownerId(), spec.projectId(),
                spec.databaseId(), spec.containerId(), spec.message(), spec.value(), Timestamp.from(spec.at()),
                Timestamp.from(spec.at()));
    }

    Alert reopen(UUID id, AlertSpec spec) {
        return jdbc.queryForObject("""
                update alerts set state = 'OPEN', severity = ?, message = ?, last_value = ?, last_seen_at = ?,
                    openings = openings + 1, resolved_at = null, resolve_reason = null, owner_id = ?
                where id = ? returning *""", ROW, spec.severity(), spec.message(), spec.value(),
                Timestamp.from(spec.at()), spec.ownerId(), id);
    }

    Alert resolve(UUID id, String reason, Instant at) {
        return jdbc.queryForObject("""
                update alerts set state = 'RESOLVED', resolved_at = ?, resolve_reason = ? where id = ? returning *""",
                ROW, Timestamp.from(at), reason, id);
    }

    /**
     * The keys of open container alerts whose container is none of {@code present} and that were last seen before
     * {@code passAt}: a slow replica's older pass does not resolve what a newer pass just saw.
     */
    List<String> openContainerKeysExcept(List<String> present, Instant passAt) {
        return jdbc.queryForList("""
                select alert_key from alerts where state = 'OPEN' and container_id is not null
                and kind in ('CONTAINER_MEMORY', 'CONTAINER_CPU') and not (container_id = any (?))
                and last_seen_at < ? order by alert_key""", String.class, present.toArray(String[]::new),
                Timestamp.from(passAt));
    }

    /** The keys of open alerts of a project rule. */
    List<String> openKeysWithPrefix(String prefix) {
        return jdbc.queryForList("select alert_key from alerts where state = 'OPEN' and alert_key like ? "
                + "order by alert_key", String.class, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
    }

    Optional<Alert> find(UUID id) {
        return jdbc.query("select * from alerts where id = ?", ROW, id).stream().findFirst();
    }

    List<Alert> list(UUID ownerId, boolean everyone, String state, Instant before, int limit) {
        return jdbc.query("""
                select * from alerts
                where (? or owner_id = ?) and (? = 'ALL' or state = ?) and (?::timestamptz is null or opened_at < ?)
                order by opened_at desc, id desc limit ?""", ROW, everyone, ownerId, state, state,
                before == null ? null : Timestamp.from(before), before == null ? null : Timestamp.from(before),
                limit);
    }

    /** Deletes alerts resolved before {@code before}; every replica may run it, a row goes once. */
    int deleteResolvedBefore(Instant before) {
        return jdbc.update("delete from alerts where state = 'RESOLVED' and resolved_at < ?", Timestamp.from(before));
    }

    long countOpen() {
        Long open = jdbc.queryForObject("select count(*) from alerts where state = 'OPEN'", Long.class);
        return open == null ? 0 : open;
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), AlertKind.valueOf(rs.getString("kind")),
                rs.getString("severity"), rs.getString("state"), rs.getObject("owner_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getObject("database_id", UUID.class),
                rs.getString("container_id"), rs.getString("message"), rs.getObject("last_value", Double.class),
                rs.getInt("openings"), instant(rs, "opened_at"), instant(rs, "last_seen_at"),
                instant(rs, "resolved_at"), rs.getString("resolve_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
