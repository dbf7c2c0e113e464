package dev.paas.runtime.logs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per container how far its log was stored and which instance collects it ({@code runtime_log_cursors}). A lease is
 * a time limit in the row, renewed with every stored batch and every rescan: when an instance dies, its leases run
 * out and another instance takes the container over from the last stored line.
 */
@Repository
class LogCursors {

    private final JdbcClient jdbc;

    LogCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed container: when its last stored line was written ({@code null} when none was stored yet). */
    record Claim(Instant lastTs) {
    }

    /** Leases the container's log to {@code owner} unless another instance holds it. */
    Optional<Claim> claim(String containerId, UUID projectId, String owner, Duration lease) {
        return jdbc.sql("""
                INSERT INTO runtime_log_cursors (container_id, project_id, last_ts, lease_owner, lease_until)
                VALUES (:container, :project, NULL, :owner, now() + make_interval(secs => :lease))
                ON CONFLICT (container_id) DO UPDATE
                    SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
                    WHERE runtime_log_cursors.lease_owner IS NULL
                       OR runtime_log_cursors.lease_owner = excluded.lease_owner
                       OR runtime_log_cursors.lease_until < now()
                RETURNING last_ts""")
                .param("container", containerId)
                .param("project", projectId)
                .param("owner", owner)
                .param("lease", lease.toMillis() / 1000.0)
                .query((row, n) -> new Claim(row.getTimestamp("last_ts") == null ? null
                        : row.getTimestamp("last_ts").toInstant()))
                .optional();
    }

    /**
     * Records that the container's lines up to {@code lastTs} are stored and renews the lease, in the caller's
     * transaction; false when {@code owner} no longer holds the lease (the caller must then not store the lines).
     */
    boolean advance(String containerId, String owner, Instant lastTs, Duration lease) {
        return jdbc.sql("""
                UPDATE runtime_log_cursors
                SET last_ts = greatest(last_ts, :lastTs), lease_until = now() + make_interval(secs => :lease)
                WHERE container_id = :container AND lease_owner = :owner""")
                .param("container", containerId)
                .param("owner", owner)
                .param("lastTs", Timestamp.from(lastTs))
                .param("lease", lease.toMillis() / 1000.0)
                .update() == 1;
    }

    /** Renews the leases {@code owner} holds on these containers; returns how many it still holds. */
    int renew(Collection<String> containerIds, String owner, Duration lease) {
        if (containerIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE runtime_log_cursors SET lease_until = now() + make_interval(secs => :lease)
                WHERE container_id IN (:containers) AND lease_owner = :owner""")
                .param("containers", containerIds)
                .param("owner", owner)
                .param("lease", lease.toMillis() / 1000.0)
                .update();
    }

    /** Whether {@code owner} still holds the container's lease. */
    boolean holds(String containerId, String owner) {
        return jdbc.sql("""
                SELECT count(*) FROM runtime_log_cursors
                WHERE container_id = :container AND lease_owner = :owner AND lease_until >= now()""")
                .param("container", containerId)
                .param("owner", owner)
                .query(Long.class)
                .single() == 1;
    }

    /** Gives the lease up, so another instance may take the container over at once. */
    void release(String containerId, String owner) {
        jdbc.sql("""
                UPDATE runtime_log_cursors SET lease_owner = NULL, lease_until = NULL
                WHERE container_id = :container AND lease_owner = :owner""")
                .param("container", containerId)
                .param("owner", owner)
                .update();
    }

    /** Forgets the cursors of the project's containers. */
    int deleteProject(UUID projectId) {
        return jdbc.sql("DELETE FROM runtime_log_cursors WHERE project_id = :project")
                .param("project", projectId)
                .update();
    }

    /** Forgets cursors of containers whose last line is older than {@code before} and nobody collects. */
    int deleteIdleBefore(Instant before) {
        return jdbc.sql("""
                DELETE FROM runtime_log_cursors
                WHERE (lease_until IS NULL OR lease_until < now()) AND (last_ts IS NULL OR last_ts < :before)""")
                .param("before", Timestamp.from(before))
                .update();
    }
}
