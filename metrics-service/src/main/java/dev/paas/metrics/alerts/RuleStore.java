package dev.paas.metrics.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The rule rows: projects' own and the platform's overrides. */
@Repository
class RuleStore {

    private static final RowMapper<AlertRule> ROW = RuleStore::map;

    private final JdbcTemplate jdbc;

    RuleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    AlertRule insertProjectRule(UUID projectId, AlertMetric metric, double threshold, Duration duration,
            UUID createdBy) {
        return jdbc.queryForObject("""
                insert into alert_rules (id, scope, project_id, metric, threshold_percent, duration_seconds,
                    created_by, created_at)
                values (?, 'PROJECT', ?, ?, ?, ?, ?, now()) returning *""", ROW, UUID.randomUUID(), projectId,
                metric.name(), threshold, duration.toSeconds(), createdBy);
    }

    AlertRule upsertPlatformRule(AlertMetric metric, double threshold, Duration duration, UUID createdBy) {
        return jdbc.queryForObject("""
                insert into alert_rules (id, scope, metric, threshold_percent, duration_seconds, created_by,
                    created_at)
                values (?, 'PLATFORM', ?, ?, ?, ?, now())
                on conflict (metric) where scope = 'PLATFORM' do update set
                    threshold_percent = excluded.threshold_percent, duration_seconds = excluded.duration_seconds,
                    created_by = excluded.created_by, created_at = excluded.created_at
                returning *""", ROW, UUID.randomUUID(), metric.name(), threshold, duration.toSeconds(), createdBy);
    }

    List<AlertRule> ofProject(UUID projectId) {
        return jdbc.query("select * from alert_rules where scope = 'PROJECT' and project_id = ? order by created_at",
                ROW, projectId);
    }

    List<AlertRule> ofProjects(List<UUID> projectIds) {
        return jdbc.query("select * from alert_rules where scope = 'PROJECT' and project_id = any (?)", ROW,
                (Object) projectIds.toArray(UUID[]::new));
    }

    List<AlertRule> platform() {
        return jdbc.query("select * from alert_rules where scope = 'PLATFORM' order by metric", ROW);
    }

    Optional<AlertRule> find(UUID id) {
        return jdbc.query("select * from alert_rules where id = ?", ROW, id).stream().findFirst();
    }

    void delete(UUID id) {
        jdbc.update("delete from alert_rules where id = ?", id);
    }

    private static AlertRule map(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        Instant createdAt = created == null ? null : created.toInstant();
        return new AlertRule(rs.getObject("id", UUID.class), rs.getString("scope"),
                rs.getObject("project_id", UUID.class), AlertMetric.valueOf(rs.getString("metric")),
                rs.getDouble("threshold_percent"), Duration.ofSeconds(rs.getLong("duration_seconds")), createdAt);
    }
}
