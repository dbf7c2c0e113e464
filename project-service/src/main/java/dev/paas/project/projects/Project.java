package dev.paas.project.projects;

import dev.paas.problems.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A git repository and branch the platform builds and serves at {@code <slug>.<base-domain>}, owned by the user who
 * registered it. Projects registered before accounts existed have no owner: only administrators see them. Changes
 * go through methods that check their arguments and the current state, failing with a message naming what is wrong;
 * registering it announces {@link ProjectEvents.Registered}.
 */
@Table("projects")
public class Project extends AbstractAggregateRoot<Project> {

    private static final int MAX_NAME_LENGTH = 100;


    @Id
    private final UUID id;
    private final UUID ownerId;
    private final String name;
    private final String slug;
    private String repoUrl;
    private String branch;
    private final String githubRepository;
    private boolean autoDeploy;
    private WebhookStatus webhookStatus;
    private String webhookError;
    private String rootDirectory;
    private String installCommand;
    private String buildCommand;
    private String startCommand;
    private Integer port;
    private String dockerfilePath;
    private final Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Project(UUID id, UUID ownerId, String name, String slug, String repoUrl, String branch, String githubRepository,
            boolean autoDeploy, WebhookStatus webhookStatus, String webhookError, String rootDirectory,
            String installCommand, String buildCommand, String startCommand, Integer port, String dockerfilePath,
            Instant createdAt, Integer version) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.slug = slug;
        this.repoUrl = repoUrl;
        this.branch = branch;
        this.githubRepository = githubRepository;
        this.autoDeploy = autoDeploy;
        this.webhookStatus = webhookStatus == null ? WebhookStatus.NONE : webhookStatus;
        this.webhookError = webhookError;
        this.rootDirectory = rootDirectory;
        this.installCommand = installCommand;
        this.buildCommand = buildCommand;
        this.startCommand = startCommand;
        this.port = port;
        this.dockerfilePath = dockerfilePath;
        this.createdAt = createdAt;
        this.version = version;
    }

    /**
     * A new project of {@code ownerId}, under the unique {@code slug} chosen for its name. {@code githubRepository}
     * ({@code owner/name}, or {@code null}) marks a project picked from GitHub, whose push webhook is then awaited.
     * The repository URL must already have passed the platform's repository policy.
     *
     * @throws InvalidInput naming the field when the name, branch or GitHub repository is not acceptable
     */
    static Project register(UUID id, UUID ownerId, String name, String slug, String repoUrl, String branch,
            String githubRepository, boolean autoDeploy, Instant now) {
        Objects.requireNonNull(ownerId, "ownerId");
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        requireValidBranch(branch);
        if (githubRepository != null) {
            GithubRepositories.problemWith(githubRepository).ifPresent(problem -> {
                throw new InvalidInput("githubRepository", problem);
            });
        }
        Project project = new Project(id, ownerId, name, slug, repoUrl, branch, githubRepository, autoDeploy,
                githubRepository == null ? WebhookStatus.NONE : WebhookStatus.PENDING, null, null, null, null, null, null,
                null, now, null);
        project.registerEvent(new ProjectEvents.Registered(id, slug, ownerId, repoUrl, branch, githubRepository));
        return project;
    }

    /** Whether the project belongs to {@code userId}; a project without an owner belongs to nobody. */
    public boolean isOwnedBy(UUID userId) {
        return ownerId != null && ownerId.equals(userId);
    }

    /** Whether a push to the project's branch deploys it; any project may say so, a push is what it waits for. */
    void deployOnPush(boolean enabled) {
        autoDeploy = enabled;
    }

    /**
     * Deploys {@code newBranch} (surrounding blanks removed) from now on.
     *
     * @throws InvalidInput naming the branch when it is blank or not a valid git branch name; the project
     *         is left as it was
     */
    void deployBranch(String newBranch) {
        String stripped = newBranch == null ? null : newBranch.strip();
        requireValidBranch(stripped);
        branch = stripped;
    }

    /**
     * Replaces the build settings {@code named} with their values in {@code given} ({@code null} clears one); the
     * others stay as they are.
     *
     * @throws InvalidInput naming the first setting that is not acceptable; the project is left as it was
     */
    void changeBuildSettings(BuildSettings given, Set<String> named) {
        BuildSettings changed = buildSettings().overriddenBy(given, named);
        changed.check();
        rootDirectory = changed.rootDirectory();
        installCommand = changed.installCommand();
        buildCommand = changed.buildCommand();
        startCommand = changed.startCommand();
        port = changed.port();
        dockerfilePath = changed.dockerfilePath();
    }

    /** What replaces detection when the project is built. */
    public BuildSettings buildSettings() {
        return new BuildSettings(rootDirectory, installCommand, buildCommand, startCommand, port, dockerfilePath);
    }

    /** identity-service registered the push hook on GitHub. */
    void webhookRegistered() {
        requireGithubRepository("record a registered webhook");
        webhookStatus = WebhookStatus.REGISTERED;
        webhookError = null;
    }

    /** identity-service could not register the push hook; {@code reason} is shown to the owner. */
    void webhookFailed(String reason) {
        requireGithubRepository("record a failed webhook registration");
        webhookStatus = WebhookStatus.FAILED;
        webhookError = reason;
    }

    /**
     * The announcement that {@code actorId} deletes the project, for the features that keep records of it. It names
     * the GitHub repository when a push webhook was registered for it, or may still be (its registration pending).
     */
    ProjectEvents.Deleted deletedBy(UUID actorId) {
        boolean hooked = webhookStatus == WebhookStatus.REGISTERED || webhookStatus == WebhookStatus.PENDING;
        return new ProjectEvents.Deleted(id, slug, ownerId, actorId, hooked ? githubRepository : null);
    }

    /** The events registered since the project was loaded; published (and cleared) when it is saved. */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }

    private static void requireValidBranch(String branch) {
        RepositoryUrls.problemWithBranch(branch).ifPresent(problem -> {
            throw new InvalidInput("branch", problem);
        });
    }

    private void requireGithubRepository(String action) {
        if (githubRepository == null) {
            throw new IllegalStateException("cannot " + action + " for project " + id
                    + ": it was not picked from GitHub");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String repoUrl() {
        return repoUrl;
    }

    public String branch() {
        return branch;
    }

    public String githubRepository() {
        return githubRepository;
    }

    public boolean autoDeploy() {
        return autoDeploy;
    }

    public WebhookStatus webhookStatus() {
        return webhookStatus;
    }

    public String webhookError() {
        return webhookError;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
