package dev.paas.project.deployments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All deployments of all projects. */
interface Deployments extends ListCrudRepository<Deployment, UUID> {

    List<Deployment> findByProjectIdOrderByCreatedAtDesc(UUID projectId);

    Optional<Deployment> findFirstByProjectIdOrderByCreatedAtDesc(UUID projectId);
}
