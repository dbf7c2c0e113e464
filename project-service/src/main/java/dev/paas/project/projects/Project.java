package dev.paas.project.projects;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A git repository and branch the platform builds and serves at {@code <slug>.<base-domain>}, owned by the user who
 * registered it. Projects registered before accounts existed have no owner: only administrators see them.
 */
@Table("projects")
public class Project {

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
    private final Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Project(UUID id, UUID ownerId, String name, String slug, String repoUrl, String branch, String githubRepository,
            boolean autoDeploy, WebhookStatus webhookStatus, String webhookError, Instant createdAt,
            Integer version) {
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
        this.createdAt = createdAt;
        this.version = version;
    }

    static Project register(UUID id, UUID ownerId, String name, String slug, String repoUrl, String branch,
            String githubRepository, boolean autoDeploy, Instant now) {
        Objects.requireNonNull(ownerId, "ownerId");
        return new Project(id, ownerId, name, slug, repoUrl, branch, githubRepository, autoDeploy,
                githubRepository == null ? WebhookStatus.NONE : WebhookStatus.PENDING, null, now, null);
    }

    /** Whether the project belongs to {@code userId}; a project without an owner belongs to nobody. */
    public boolean isOwnedBy(UUID userId) {
        return ownerId != null && ownerId.equals(userId);
    }

    void deployOnPush(boolean enabled) {
        autoDeploy = enabled;
    }

    void deployBranch(String newBranch) {
        branch = newBranch;
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
