package dev.paas.runtime.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leases on releases that need work, so that replicas of this service (and one instance's parallel rollouts)
 * never work on the same release, nor on two releases of the same project at once. A lease is a time limit
 * in the release row, renewed while the work runs: when an instance dies, its leases run out and another
 * instance (or the same one after restart) picks the work up.
 */
class ReleaseClaims {

    // advisory lock namespace: "runtime-service project"
    private static final int PROJECT_LOCKS = 0x52_54_50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    ReleaseClaims(JdbcClient jdbc, TransactionTemplate transactions, Duration lease) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lease = lease;
    }

    /**
     * Leases up to {@code max} releases that need work and nobody holds: oldest first, at most one starting
     * release per project. Rows other instances are claiming right now are skipped, not waited for.
     */
    List<UUID> claim(int max) {
        if (max <= 0) {
            return List.of();
        }
        List<UUID> claimed = transactions.execute(status -> {
            List<Candidate> candidates = jdbc.sql("""
                    SELECT deployment_id, project_id, status FROM releases
                    WHERE status IN ('PENDING', 'STARTING', 'RETIRING')
                      AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY created_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED""")
                    .param("limit", max * 4)
                    .query((rs, row) -> new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3)))
                    .list();
            List<UUID> taken = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (taken.size() == max) {
                    break;
                }
                if (candidate.retiring() || projectIsFree(candidate)) {
                    lease(candidate.deploymentId());
                    taken.add(candidate.deploymentId());
                }
            }
            return taken;
        });
        held.addAll(claimed);
        return claimed;
    }

    /** Leases a release inside the caller's transaction, for example the one a promotion supersedes. */
    void hold(UUID deploymentId) {
        lease(deploymentId);
        held.add(deploymentId);
    }

    /** Extends the leases this instance holds; called periodically while work runs. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE releases SET lease_until = now() + make_interval(secs => :seconds)
                WHERE deployment_id IN (:ids) AND lease_owner = :owner""")
                .param("seconds", lease.toMillis() / 1000.0)
                .param("ids", List.copyOf(held))
                .param("owner", owner)
                .update();
    }

    /** Gives the release back: its work is done, or may be picked up again at once. */
    void release(UUID deploymentId) {
        held.remove(deploymentId);
        jdbc.sql("UPDATE releases SET lease_until = NULL, lease_owner = NULL "
                + "WHERE deployment_id = :id AND lease_owner = :owner")
                .param("id", deploymentId)
                .param("owner", owner)
                .update();
    }

    /** Gives the release back but keeps everybody off it for a while, for example after Docker failed. */
    void postpone(UUID deploymentId, Duration delay) {
        held.remove(deploymentId);
        jdbc.sql("UPDATE releases SET lease_until = now() + make_interval(secs => :seconds), lease_owner = NULL "
                + "WHERE deployment_id = :id AND lease_owner = :owner")
                .param("seconds", delay.toMillis() / 1000.0)
                .param("id", deploymentId)
                .param("owner", owner)
                .update();
    }

    /*
     * Two instances may look at two releases of one project at the same moment. The advisory lock makes them
     * take turns; whoever comes second sees the first one's committed lease and leaves the project alone.
     */
    private boolean projectIsFree(Candidate candidate) {
        Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:namespace, hashtext(:project))")
                .param("namespace", PROJECT_LOCKS)
                .param("project", candidate.projectId().toString())
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return false;
        }
        return !jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM releases
                    WHERE project_id = :project AND deployment_id <> :id
                      AND status IN ('PENDING', 'STARTING') AND lease_until >= now())""")
                .param("project", candidate.projectId())
                .param("id", candidate.deploymentId())
                .query(Boolean.class)
                .single();
    }

    private void lease(UUID deploymentId) {
        jdbc.sql("UPDATE releases SET lease_until = now() + make_interval(secs => :seconds), lease_owner = :owner "
                + "WHERE deployment_id = :id")
                .param("seconds", lease.toMillis() / 1000.0)
                .param("owner", owner)
                .param("id", deploymentId)
                .update();
    }

    private record Candidate(UUID deploymentId, UUID projectId, String status) {

        boolean retiring() {
            return "RETIRING".equals(status);
        }
    }
}
