package dev.paas.metrics.owners;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects and databases metrics-service has heard of, whose they are, and the hosts each project is served
 * under ({@code <slug>.<base-domain>} and its custom domains). Every read API checks ownership here, so another
 * user's id is answered like a missing one; the analytics tail attributes requests to projects by host here.
 */
@Service
public class KnownResources {

    private final JdbcTemplate jdbc;
    private final String baseDomainSuffix;

    KnownResources(JdbcTemplate jdbc, @Value("${paas.base-domain:paas.localhost}") String baseDomain) {
        this.jdbc = jdbc;
        this.baseDomainSuffix = "." + baseDomain.toLowerCase(Locale.ROOT);
    }

    /** A project was created; a replay changes nothing. */
    @Transactional
    public void projectRegistered(UUID projectId, String slug, UUID ownerId, Instant at) {
        jdbc.update("""
                insert into known_projects (project_id, owner_id, slug, registered_at) values (?, ?, ?, ?)
                on conflict (project_id) do nothing""", projectId, ownerId, slug, Timestamp.from(at));
    }

    /** A project was deleted: it and its domains are forgotten. */
    @Transactional
    public void projectDeleted(UUID projectId) {
        jdbc.update("delete from known_domains where project_id = ?", projectId);
        jdbc.update("delete from known_projects where project_id = ?", projectId);
    }

    /** A custom domain now routes to a project. */
    @Transactional
    public void domainAdded(UUID projectId, String domain) {
        jdbc.update("""
                insert into known_domains (domain, project_id) values (?, ?)
                on conflict (domain) do update set project_id = excluded.project_id""",
                domain.toLowerCase(Locale.ROOT), projectId);
    }

    /** A custom domain no longer routes to a project. */
    @Transactional
    public void domainRemoved(UUID projectId, String domain) {
        jdbc.update("delete from known_domains where domain = ? and project_id = ?", domain.toLowerCase(Locale.ROOT),
                projectId);
    }

    /** A database was provisioned; a replay changes nothing. */
    @Transactional
    public void databaseProvisioned(UUID databaseId, UUID ownerId, String name, String type) {
        jdbc.update("""
                insert into known_databases (database_id, owner_id, name, type) values (?, ?, ?, ?)
                on conflict (database_id) do nothing""", databaseId, ownerId, name, type);
    }

    /** A database was deleted. */
    @Transactional
    public void databaseDeleted(UUID databaseId) {
        jdbc.update("delete from known_databases where database_id = ?", databaseId);
    }

    /** Whether {@code userId} owns the project. */
    public boolean ownsProject(UUID userId, UUID projectId) {
        return ownerOfProject(projectId).filter(userId::equals).isPresent();
    }

    /** Whether {@code userId} owns the database. */
    public boolean ownsDatabase(UUID userId, UUID databaseId) {
        return ownerOfDatabase(databaseId).filter(userId::equals).isPresent();
    }

    /** The owner of a known project. */
    public Optional<UUID> ownerOfProject(UUID projectId) {
        return first(jdbc.queryForList("select owner_id from known_projects where project_id = ? and owner_id is not null",
                UUID.class, projectId));
    }

    /** The owner of a known database. */
    public Optional<UUID> ownerOfDatabase(UUID databaseId) {
        return first(jdbc.queryForList("select owner_id from known_databases where database_id = ?", UUID.class,
                databaseId));
    }

    /**
     * The project served at {@code host} (a {@code Host} header, any case, with or without a port): the slug under
     * the base domain, or a custom domain.
     */
    public Optional<UUID> projectServedAt(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        if (name.endsWith(baseDomainSuffix)) {
            String slug = name.substring(0, name.length() - baseDomainSuffix.length());
            return first(jdbc.queryForList("select project_id from known_projects where slug = ?", UUID.class, slug));
        }
        return first(jdbc.queryForList("select project_id from known_domains where domain = ?", UUID.class, name));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }
}
