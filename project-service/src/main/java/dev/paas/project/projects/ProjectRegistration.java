package dev.paas.project.projects;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.ids.UuidV7;
import dev.paas.messaging.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers projects and changes their settings: validates the repository and branch, picks a unique slug,
 * announces {@link ProjectCreated}. Every lookup on behalf of a user answers "not found" for projects of others, so
 * nobody can tell someone else's project from a missing one.
 */
@Service
public class ProjectRegistration {

    private final Projects projects;
    private final Outbox outbox;
    private final PlatformProperties platform;
    private final Clock clock;

    ProjectRegistration(Projects projects, Outbox outbox, PlatformProperties platform) {
        this.projects = projects;
        this.outbox = outbox;
        this.platform = platform;
        this.clock = Clock.systemUTC();
    }

    /**
     * Registers a project for {@code ownerId}. {@code githubRepository} ({@code owner/name}) marks a project picked
     * from GitHub, for which a push webhook is registered; {@code autoDeploy} defaults to whether it is one.
     */
    @Transactional
    public Project register(UUID ownerId, NewProject request) {
        String trimmedName = request.name() == null ? "" : request.name().strip();
        if (trimmedName.isEmpty() || trimmedName.length() > 100) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        RepositoryUrls.problemWith(request.repoUrl(), platform.allowLocalRepositories())
                .ifPresent(problem -> {
                    throw new InvalidInputException("repoUrl", problem);
                });
        String effectiveBranch = request.branch() == null || request.branch().isBlank() ? "main"
                : request.branch().strip();
        requireValidBranch(effectiveBranch);
        String githubRepository = request.githubRepository() == null || request.githubRepository().isBlank() ? null
                : request.githubRepository().strip();
        if (githubRepository != null) {
            GithubRepositories.problemWith(githubRepository).ifPresent(problem -> {
                throw new InvalidInputException("githubRepository", problem);
            });
        }
        boolean autoDeploy = request.autoDeploy() != null ? request.autoDeploy() : githubRepository != null;
        String slug = Slugs.unique(trimmedName, projects::existsBySlug);
        Project project = projects.save(Project.register(UuidV7.next(), ownerId, trimmedName, slug,
                request.repoUrl().strip(), effectiveBranch, githubRepository, autoDeploy, clock.instant()));
        outbox.append(new ProjectCreated(project.id(), project.slug(), project.ownerId(), project.repoUrl(),
                project.branch(), project.githubRepository()));
        return project;
    }

    /** Changes what pushes do and which branch is deployed; {@code null} leaves a setting as it is. */
    @Transactional
    public Project changeSettings(UUID id, UUID caller, ProjectSettings settings) {
        Project project = get(id, caller);
        if (settings.branch() != null) {
            String branch = settings.branch().strip();
            requireValidBranch(branch);
            project.deployBranch(branch);
        }
        if (settings.autoDeploy() != null) {
            project.deployOnPush(settings.autoDeploy());
        }
        return projects.save(project);
    }

    /** The caller's project {@code id}; someone else's is not found, like a missing one. */
    public Project get(UUID id, UUID caller) {
        return projects.findById(id).filter(project -> project.isOwnedBy(caller))
                .orElseThrow(() -> new ProjectNotFoundException(id));
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

    private static void requireValidBranch(String branch) {
        RepositoryUrls.problemWithBranch(branch).ifPresent(problem -> {
            throw new InvalidInputException("branch", problem);
        });
    }

    /** What a user asks for when registering a project. */
    public record NewProject(String name, String repoUrl, String branch, String githubRepository, Boolean autoDeploy) {
    }

    /** Settings a project's owner may change; {@code null} means unchanged. */
    public record ProjectSettings(Boolean autoDeploy, String branch) {
    }
}
