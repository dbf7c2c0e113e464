package dev.paas.project.projects;

import dev.paas.ids.UuidV7;
import dev.paas.problems.Conflict;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.project.accounts.Accounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers projects and changes their settings: applies the platform's repository policy, picks a unique slug and
 * leaves the rest to the {@link Project} aggregate, which checks its fields and announces its registration. Every
 * lookup on behalf of a user answers "not found" for projects of others, so nobody can tell someone else's project
 * from a missing one.
 */
@Service
public class ProjectRegistration {

    private static final Log log = LogFactory.getLog(ProjectRegistration.class);

    private final Projects projects;
    private final PlatformProperties platform;
    private final ProjectAudit audit;
    private final AppRuntimes runtimes;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;
    private final Clock clock;

    ProjectRegistration(Projects projects, PlatformProperties platform, ProjectAudit audit, AppRuntimes runtimes,
            ApplicationEventPublisher events, Accounts accounts) {
        this.projects = projects;
        this.platform = platform;
        this.audit = audit;
        this.runtimes = runtimes;
        this.events = events;
        this.accounts = accounts;
        this.clock = Clock.systemUTC();
    }

    /**
     * Registers a project for {@code ownerId}. {@code githubRepository} ({@code owner/name}) marks a project picked
     * from GitHub, for which a push webhook is registered; {@code autoDeploy} defaults to whether it is one.
     *
     * @throws dev.paas.problems.PaymentRequired when billing-service suspended the owner's account
     * @throws dev.paas.problems.QuotaExceeded when the owner has as many projects as the plan allows
     */
    @Transactional
    public Project register(UUID ownerId, NewProject request) {
        String trimmedName = request.name() == null ? "" : request.name().strip();
        RepositoryUrls.problemWith(request.repoUrl(), platform.allowLocalRepositories())
                .ifPresent(problem -> {
                    throw new InvalidInput("repoUrl", problem);
                });
        accounts.admitNewApp(ownerId, () -> projects.countByOwnerId(ownerId));
        String effectiveBranch = request.branch() == null || request.branch().isBlank() ? "main"
                : request.branch().strip();
        String githubRepository = request.githubRepository() == null || request.githubRepository().isBlank() ? null
                : request.githubRepository().strip();
        boolean autoDeploy = request.autoDeploy() != null ? request.autoDeploy() : githubRepository != null;
        String slug = Slugs.unique(trimmedName, projects::existsBySlug);
        try {
            return projects.save(Project.register(UuidV7.next(), ownerId, trimmedName, slug,
                    request.repoUrl().strip(), effectiveBranch, githubRepository, autoDeploy, clock.instant()));
        } catch (DataAccessException e) {
            // Spring Data JDBC wraps the unique-constraint violation of a racing registration in its own exception.
            if (e instanceof DuplicateKeyException || e.getCause() instanceof DuplicateKeyException) {
                throw new Conflict("another request took the project slug " + slug + " at the same moment; retry");
            }
            throw e;
        }
    }

    /**
     * Changes what pushes do, which branch is deployed and how the project is built, on behalf of its owner or of an
     * administrator ({@code admin}); a missing {@code branch} or {@code autoDeploy} leaves it as it is. Nothing
     * changes when any setting is refused.
     */
    @Transactional
    public Project changeSettings(UUID id, UUID caller, boolean admin, ProjectSettings settings) {
        Project project = admin ? projects.findById(id).orElseThrow(() -> new NotFound("project", id))
                : get(id, caller);
        if (settings.branch() != null) {
            project.deployBranch(settings.branch());
        }
        if (settings.autoDeploy() != null) {
            project.deployOnPush(settings.autoDeploy());
        }
        if (!settings.buildSettingsNamed().isEmpty()) {
            project.changeBuildSettings(settings.buildSettings(), settings.buildSettingsNamed());
        }
        return projects.save(project);
    }

    /**
     * Deletes project {@code id} on behalf of its owner or of an administrator ({@code admin}): announces
     * {@link ProjectEvents.Deleted} so that every feature removes its records of it (deployments in any state, push
     * deliveries, history) and the other services hear of it, writes the audit record, which outlives the project,
     * and frees its slug. All of it commits together, or none of it does.
     *
     * @throws NotFound for an unknown project, one already deleted, or someone else's (unless {@code admin})
     */
    @Transactional
    public void delete(UUID id, UUID caller, boolean admin) {
        Project project = admin ? projects.findById(id).orElseThrow(() -> new NotFound("project", id))
                : get(id, caller);
        // Published before the row goes: the features' records reference the project.
        events.publishEvent(project.deletedBy(caller));
        audit.record(new AuditEntry(UuidV7.next(), clock.instant(), caller, project.id(), project.slug(),
                ProjectAudit.DELETED, (admin && !project.isOwnedBy(caller) ? "by an administrator; " : "")
                        + "owner " + project.ownerId() + ", repository " + project.repoUrl()));
        runtimes.delete(project.id());
        projects.delete(project);
    }

    /** The latest {@code limit} audit records of all projects, deleted ones included, newest first: for admins. */
    public List<AuditEntry> auditTrail(int limit) {
        return audit.latest(limit);
    }

    /**
     * runtime-service reported the app of project {@code id} {@code state} with {@code instances} replicas, {@code at}.
     * A report about an unknown (deleted) project, or older than the recorded one, changes nothing.
     */
    @Transactional
    public void runtimeStateChanged(UUID id, AppRuntime.State state, int instances, Instant at) {
        Optional<Project> project = projects.findById(id);
        if (project.isEmpty()) {
            log.warn("ignoring a runtime state report for unknown project " + id);
            return;
        }
        AppRuntime current = runtimeOf(id);
        AppRuntime next = current.reported(state, instances, at);
        if (!next.equals(current)) {
            runtimes.save(id, next);
            events.publishEvent(new ProjectEvents.RuntimeReported(id, project.get().ownerId()));
        }
    }

    /** What runtime-service last reported about the app of project {@code id}, or {@link AppRuntime#UNKNOWN}. */
    public AppRuntime runtimeOf(UUID id) {
        return runtimes.of(id).orElse(AppRuntime.UNKNOWN);
    }

    /** Whether project {@code id} exists (for recording facts about it, never for a user's request). */
    public boolean exists(UUID id) {
        return projects.existsById(id);
    }

    /** The caller's project {@code id}; someone else's is not found, like a missing one. */
    public Project get(UUID id, UUID caller) {
        return projects.findById(id).filter(project -> project.isOwnedBy(caller))
                .orElseThrow(() -> new NotFound("project", id));
    }

    /** Whether project {@code id} exists and belongs to {@code caller}. */
    public boolean isOwnedBy(UUID id, UUID caller) {
        return projects.findById(id).map(project -> project.isOwnedBy(caller)).orElse(false);
    }

    /** A project regardless of its owner, for the platform's own work (events), never for a user's request. */
    public Optional<Project> find(UUID id) {
        return projects.findById(id);
    }

    /** The caller's projects, newest first. */
    public List<Project> ownedBy(UUID caller) {
        return projects.findByOwnerIdOrderByCreatedAtDesc(caller);
    }

    /** Every project of every user, newest first: for administrators. */
    public List<Project> all() {
        return projects.findAllByOrderByCreatedAtDesc();
    }

    public String urlOf(Project project) {
        return platform.urlOf(project.slug());
    }

    /** What a user asks for when registering a project. */
    public record NewProject(String name, String repoUrl, String branch, String githubRepository, Boolean autoDeploy) {
    }

    /**
     * Settings a project's owner may change. {@code autoDeploy} and {@code branch} are unchanged when {@code null};
     * of {@code buildSettings}, exactly those {@code buildSettingsNamed} change (to {@code null}: cleared).
     */
    public record ProjectSettings(Boolean autoDeploy, String branch, BuildSettings buildSettings,
            Set<String> buildSettingsNamed) {

        public ProjectSettings {
            buildSettings = buildSettings == null ? BuildSettings.NONE : buildSettings;
            buildSettingsNamed = buildSettingsNamed == null ? Set.of() : Set.copyOf(buildSettingsNamed);
        }

        /** A change of what pushes do and which branch is deployed only. */
        public ProjectSettings(Boolean autoDeploy, String branch) {
            this(autoDeploy, branch, BuildSettings.NONE, Set.of());
        }
    }
}
