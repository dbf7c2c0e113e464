package dev.paas.build.builds;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/**
 * All builds. Claims lock rows with {@code FOR UPDATE SKIP LOCKED} so several replicas share the queue without
 * taking the same build; the claim's lease lives outside the aggregate and is renewed by the worker's heartbeat.
 */
interface Builds extends CrudRepository<Build, UUID> {

    @Query("SELECT id FROM builds WHERE status = 'QUEUED' ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
    Optional<UUID> lockNextQueued();

    /** Waits for claims in progress, so a build is either claimed (and runs) or superseded, never both. */
    @Query("""
            SELECT id FROM builds WHERE project_id = :projectId AND status = 'QUEUED' AND id <> :keep
            ORDER BY queued_at FOR UPDATE""")
    List<UUID> lockQueuedOfProjectExcept(UUID projectId, UUID keep);

    @Query("""
            SELECT id FROM builds
            WHERE status = 'RUNNING' AND (lease_expires_at IS NULL OR lease_expires_at < now())
            ORDER BY queued_at FOR UPDATE SKIP LOCKED""")
    List<UUID> lockAbandoned();

    @Modifying
    @Query("""
            UPDATE builds SET lease_expires_at = now() + (:seconds * interval '1 second')
            WHERE id IN (:ids) AND status = 'RUNNING'""")
    int extendLeases(Collection<UUID> ids, long seconds);

    /** The unfinished builds of a project, locked so that no worker claims one while it is cancelled. */
    @Query("""
            SELECT id FROM builds WHERE project_id = :projectId AND status IN ('QUEUED', 'RUNNING')
            ORDER BY queued_at FOR UPDATE""")
    List<UUID> lockUnfinishedOfProject(UUID projectId);

    @Query("SELECT count(*) FROM builds WHERE project_id = :projectId AND status IN ('QUEUED', 'RUNNING')")
    long countUnfinishedOfProject(UUID projectId);

    @Query("SELECT id FROM builds WHERE project_id = :projectId AND status NOT IN ('QUEUED', 'RUNNING')")
    List<UUID> findFinishedIdsOfProject(UUID projectId);

    /** Deletes finished builds; their log lines go with them ({@code ON DELETE CASCADE}). */
    @Modifying
    @Query("DELETE FROM builds WHERE id IN (:ids) AND status NOT IN ('QUEUED', 'RUNNING')")
    int deleteFinished(Collection<UUID> ids);
}
