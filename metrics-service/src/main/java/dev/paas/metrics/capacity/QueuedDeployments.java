package dev.paas.metrics.capacity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Deployments requested whose build has not started yet, kept from project and build facts for the admin capacity
 * view. A build that starts, fails or is cancelled ends the wait; the end is kept for a day so that a fact arriving
 * before its request (streams are not ordered with each other) does not leave a deployment waiting forever.
 */
@Service
public class QueuedDeployments {

    private static final Duration KEEP_ENDED = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    QueuedDeployments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code deploymentId} of {@code projectId} was requested at {@code at}. */
    public void requested(UUID deploymentId, UUID projectId, Instant at) {
        jdbc.update("""
                insert into capacity_queued_deployments (deployment_id, project_id, requested_at) values (?, ?, ?)
                on conflict (deployment_id) do update set project_id = excluded.project_id,
                    requested_at = excluded.requested_at""",
                deploymentId, projectId, Timestamp.from(at));
    }

    /** The build of {@code deploymentId} started or ended at {@code at}: it no longer waits. */
    public void ended(UUID deploymentId, UUID projectId, Instant at) {
        jdbc.update("""
                insert into capacity_queued_deployments (deployment_id, project_id, ended_at) values (?, ?, ?)
                on conflict (deployment_id) do update set ended_at = coalesce(capacity_queued_deployments.ended_at,
                    excluded.ended_at)""",
                deploymentId, projectId, Timestamp.from(at));
        jdbc.update("delete from capacity_queued_deployments where ended_at < ?",
                Timestamp.from(at.minus(KEEP_ENDED)));
    }

    /** Deployments still waiting, the oldest 200 (a view for people, not an export). */
    List<Waiting> waiting() {
        return jdbc.query("""
                select deployment_id, project_id, requested_at from capacity_queued_deployments
                where ended_at is null and requested_at is not null order by requested_at, deployment_id
                limit 200""",
                (rs, i) -> new Waiting(rs.getObject("deployment_id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getTimestamp("requested_at").toInstant()));
    }

    record Waiting(UUID deploymentId, UUID projectId, Instant requestedAt) {
    }
}
