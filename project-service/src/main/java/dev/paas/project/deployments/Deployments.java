package dev.paas.project.deployments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** All deployments of all projects. */
interface Deployments extends ListCrudRepository<Deployment, UUID> {

    List<Deployment> findByProjectIdOrderByCreatedAtDesc(UUID projectId);

    Optional<Deployment> findFirstByProjectIdOrderByCreatedAtDesc(UUID projectId);

    @Modifying
    @Query("delete from deployments where project_id = :projectId")
    int deleteAllOfProject(@Param("projectId") UUID projectId);
}
