package dev.paas.runtime.domains;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A custom domain claimed by one project. The host name is the key: no two projects can hold the same one, however
 * close together they ask.
 */
@Table("project_domains")
class ProjectDomain extends AbstractAggregateRoot<ProjectDomain> implements Persistable<String> {

    @Id
    private final String domain;
    private final UUID projectId;
    private final Instant createdAt;
    @Transient
    private final boolean isNew;

    @PersistenceCreator
    ProjectDomain(String domain, UUID projectId, Instant createdAt) {
        this(domain, projectId, createdAt, false);
    }

    private ProjectDomain(String domain, UUID projectId, Instant createdAt, boolean isNew) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.isNew = isNew;
    }

    /** {@code actorId} adds {@code domain} to the project owned by {@code ownerId}. */
    static ProjectDomain added(UUID projectId, UUID ownerId, UUID actorId, DomainName domain, Instant now) {
        ProjectDomain added = new ProjectDomain(domain.value(), projectId, now, true);
        added.registerEvent(new DomainEvents.Added(projectId, ownerId, actorId, domain.value()));
        return added;
    }

    /** The domain is to be deleted, by {@code actorId} or ({@code null}) by the project's deletion. */
    ProjectDomain removedBy(UUID ownerId, UUID actorId) {
        registerEvent(new DomainEvents.Removed(projectId, ownerId, actorId, domain));
        return this;
    }

    String domain() {
        return domain;
    }

    UUID projectId() {
        return projectId;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Override
    public String getId() {
        return domain;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
