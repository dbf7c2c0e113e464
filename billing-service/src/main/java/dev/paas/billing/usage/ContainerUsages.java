package dev.paas.billing.usage;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Every container interval billing knows of. */
interface ContainerUsages extends ListCrudRepository<ContainerUsage, UUID> {

    List<ContainerUsage> findByProjectIdAndOwnerIdOrderByStartedAtDesc(UUID projectId, UUID ownerId);

    List<ContainerUsage> findByProjectIdAndStoppedAtIsNull(UUID projectId);
}
