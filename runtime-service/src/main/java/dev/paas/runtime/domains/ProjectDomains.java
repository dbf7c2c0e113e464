package dev.paas.runtime.domains;

import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.runtime.projects.KnownProject;
import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.projects.ProjectRemoved;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The custom domains of a user's projects: list, add, remove. Someone else's project is answered like an unknown
 * one. Every change registers its {@link DomainEvents} (published in the same transaction) and, once committed,
 * announces {@link ProjectHostsChanged}.
 */
@Service
@Transactional
public class ProjectDomains {

    /** How many custom domains one project may have. */
    public static final int MAX_PER_PROJECT = 20;

    private static final Logger log = LoggerFactory.getLogger(ProjectDomains.class);

    private final Domains domains;
    private final KnownProjects projects;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseDomain;

    ProjectDomains(Domains domains, KnownProjects projects, JdbcTemplate jdbc, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock, @Value("${paas.base-domain:paas.localhost}") String baseDomain) {
        this.domains = domains;
        this.projects = projects;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.baseDomain = baseDomain;
    }

    /** The custom domains of {@code userId}'s project, oldest first. */
    @Transactional(readOnly = true)
    public List<Domain> list(UUID projectId, UUID userId) {
        owned(projectId, userId);
        return domains.findByProjectIdOrderByCreatedAtAscDomainAsc(projectId).stream().map(Domain::of).toList();
    }

    /**
     * Adds {@code input} to {@code userId}'s project. A malformed host name, one of the platform's own names or a
     * twenty-first domain is a 400; a domain some project already has is a 409.
     */
    public Domain add(UUID projectId, UUID userId, String input) {
        KnownProject project = owned(projectId, userId);
        DomainName domain = DomainName.parse(input, baseDomain);
        lockDomainsOf(projectId);
        domains.findById(domain.value()).ifPresent(existing -> {
            throw taken(domain, existing.projectId().equals(projectId));
        });
        if (domains.countByProjectId(projectId) >= MAX_PER_PROJECT) {
            throw new InvalidInput("domain", "cannot be added: project " + projectId + " already has "
                    + MAX_PER_PROJECT + " custom domains, the most a project may have");
        }
        ProjectDomain added;
        try {
            added = domains.save(ProjectDomain.added(projectId, project.ownerId(), userId, domain, clock.instant()));
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                // another request claimed it between the look-up and the insert
                throw taken(domain, false);
            }
            throw e;
        }
        hostsChangedAfterCommit(projectId);
        return Domain.of(added);
    }

    /** Removes {@code input} from {@code userId}'s project; a domain the project does not have is a 404. */
    public void remove(UUID projectId, UUID userId, String input) {
        KnownProject project = owned(projectId, userId);
        String host = DomainName.normalize(input);
        ProjectDomain domain = domains.findById(host).filter(found -> found.projectId().equals(projectId))
                .orElseThrow(() -> new NotFound("domain", host, "project " + projectId + " has no such domain"));
        domains.delete(domain.removedBy(project.ownerId(), userId));
        hostsChangedAfterCommit(projectId);
    }

    /** A deleted project's domains go with it, in the deletion's transaction. */
    @EventListener
    void on(ProjectRemoved removed) {
        for (ProjectDomain domain : domains.findByProjectIdOrderByCreatedAtAscDomainAsc(removed.projectId())) {
            domains.delete(domain.removedBy(removed.ownerId(), null));
        }
    }

    private KnownProject owned(UUID projectId, UUID userId) {
        return projects.owned(projectId, userId).orElseThrow(() -> new NotFound("project", projectId));
    }

    /** Serialises changes to one project's domains, so that the limit holds however many requests race. */
    private void lockDomainsOf(UUID projectId) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", row -> {
        }, "project-domains:" + projectId);
    }

    private static DomainTaken taken(DomainName domain, boolean byThisProject) {
        return new DomainTaken(byThisProject
                ? domain + " is already a domain of this project"
                : domain + " is already used by another project; a domain can route to one project only");
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private void hostsChangedAfterCommit(UUID projectId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    events.publishEvent(new ProjectHostsChanged(projectId));
                } catch (RuntimeException e) {
                    // the change is committed; the route catches up on the next rewrite of the project's route
                    log.warn("route hosts of project {} not updated after a domain change: {}", projectId,
                            e.toString());
                }
            }
        });
    }

    /** A custom domain as its owner sees it. */
    public record Domain(String domain, Instant createdAt, String status) {

        /** The domain routes to the project's app whenever it runs (and its DNS points at the platform). */
        public static final String ACTIVE = "ACTIVE";

        static Domain of(ProjectDomain domain) {
            return new Domain(domain.domain(), domain.createdAt(), ACTIVE);
        }
    }
}
