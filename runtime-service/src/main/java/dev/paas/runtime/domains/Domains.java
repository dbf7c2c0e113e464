package dev.paas.runtime.domains;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All custom domains, keyed by host name. */
interface Domains extends ListCrudRepository<ProjectDomain, String> {

    /** The project's domains, oldest first. */
    List<ProjectDomain> findByProjectIdOrderByCreatedAtAscDomainAsc(UUID projectId);

    /** How many domains the project has. */
    long countByProjectId(UUID projectId);
}
