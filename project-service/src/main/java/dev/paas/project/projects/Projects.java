package dev.paas.project.projects;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All projects. */
interface Projects extends ListCrudRepository<Project, UUID> {

    boolean existsBySlug(String slug);

    List<Project> findAllByOrderByCreatedAtDesc();

    List<Project> findByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

    long countByOwnerId(UUID ownerId);
}
