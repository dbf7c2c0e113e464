package dev.paas.billing.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Every container interval billing knows of. */
interface ContainerUsages extends ListCrudRepository<ContainerUsage, UUID> {

    List<ContainerUsage> findByProjectIdAndOwnerIdOrderByStartedAtDesc(UUID projectId, UUID ownerId);

    List<ContainerUsage> findByProjectIdAndStoppedAtIsNull(UUID projectId);

    /** The intervals of a known owner that overlap {@code [from, to)}. */
    @Query("""
            select * from container_usage where owner_id is not null and started_at < :to
            and (stopped_at is null or stopped_at > :from)""")
    List<ContainerUsage> findRunningDuring(Instant from, Instant to);

    List<ContainerUsage> findByOwnerIdAndStoppedAtIsNull(UUID ownerId);

    @Query("select min(started_at) from container_usage where owner_id is not null")
    Instant findEarliestStart();
}
