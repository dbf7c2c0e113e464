package dev.paas.project.deployments;

import dev.paas.problems.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One attempt to build and run a project's branch. Facts arrive as events from build-service and runtime-service,
 * possibly out of order across the two: a late fact fills in its details but never moves the status backwards.
 * Contradictions (a failure after the deployment went live) are refused with a message naming the state. Queueing
 * one announces {@link DeploymentEvents.Requested}.
 */
@Table("deployments")
public class Deployment extends AbstractAggregateRoot<Deployment> {

    @Id
    private final UUID id;
    private final UUID projectId;
    private DeploymentStatus status;
    @Column("triggered_by")
    private final DeploymentTrigger trigger;
    private String error;
    private String stack;
    private String commitSha;
    private String commitMessage;
    private String commitAuthor;
    private String imageTag;
    private String url;
    private final UUID rollbackOf;
    private final Instant createdAt;
    private Instant buildStartedAt;
    private Instant deployingAt;
    private Instant finishedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Deployment(UUID id, UUID projectId, DeploymentStatus status, DeploymentTrigger trigger, String error, String stack,
            String commitSha, String commitMessage, String commitAuthor, String imageTag, String url, UUID rollbackOf,
            Instant createdAt, Instant buildStartedAt, Instant deployingAt, Instant finishedAt, Integer version) {
        this.id = id;
        this.projectId = projectId;
        this.status = status;
        this.trigger = trigger == null ? DeploymentTrigger.MANUAL : trigger;
        this.error = error;
        this.stack = stack;
        this.commitSha = commitSha;
        this.commitMessage = commitMessage;
        this.commitAuthor = commitAuthor;
        this.imageTag = imageTag;
        this.url = url;
        this.rollbackOf = rollbackOf;
        this.createdAt = createdAt;
        this.buildStartedAt = buildStartedAt;
        this.deployingAt = deployingAt;
        this.finishedAt = finishedAt;
        this.version = version;
    }

    /**
     * A deployment its owner asked for: of {@code commitSha} (7 to 40 hex digits) when they named one, else of the
     * branch's head at build time ({@code null}).
     */
    static Deployment queue(UUID id, DeploymentTarget target, String commitSha, Instant now) {
        return requested(new Deployment(id, target.projectId(), DeploymentStatus.QUEUED, DeploymentTrigger.MANUAL,
                null, null, commitSha, null, null, null, null, null, now, null, null, null, null), target);
    }

    /** A deployment a push asked for: exactly the pushed commit is built. */
    static Deployment queueForPush(UUID id, DeploymentTarget target, String commitSha, String commitMessage,
            Instant now) {
        Objects.requireNonNull(commitSha, "commitSha");
        return requested(new Deployment(id, target.projectId(), DeploymentStatus.QUEUED, DeploymentTrigger.PUSH,
                null, null, commitSha, commitMessage, null, null, null, null, now, null, null, null, null), target);
    }

    /**
     * A deployment that runs the image of {@code source}, an earlier deployment of the same project that went live,
     * again: nothing is built, so it starts {@code DEPLOYING}, with the source's commit, stack and image.
     *
     * @throws Conflict naming the source's state when it never ran (it failed, was cancelled or is still underway)
     */
    static Deployment rollbackTo(UUID id, DeploymentTarget target, Deployment source, Instant now) {
        if (!source.projectId.equals(target.projectId())) {
            throw new IllegalArgumentException("deployment " + source.id + " is not one of project "
                    + target.projectId());
        }
        if ((source.status != DeploymentStatus.RUNNING && source.status != DeploymentStatus.REPLACED)
                || source.imageTag == null) {
            throw new Conflict("cannot roll back to deployment " + source.id + ": it is " + source.status
                    + "; only a deployment that went live (RUNNING or REPLACED) has an image to run again");
        }
        Deployment rollback = new Deployment(id, target.projectId(), DeploymentStatus.DEPLOYING,
                DeploymentTrigger.ROLLBACK, null, source.stack, source.commitSha, source.commitMessage,
                source.commitAuthor, source.imageTag, null, source.id, now, null, now, null, null);
        rollback.registerEvent(new DeploymentEvents.RollbackRequested(id, target.projectId(), target.projectSlug(),
                target.ownerId(), source.id, source.commitSha, now));
        return rollback;
    }

    private static Deployment requested(Deployment deployment, DeploymentTarget target) {
        deployment.registerEvent(new DeploymentEvents.Requested(deployment.id, target.projectId(),
                target.projectSlug(), target.repoUrl(), target.branch(), target.ownerId(), deployment.commitSha,
                target.buildSettings(), deployment.trigger, deployment.createdAt));
        return deployment;
    }

    void buildStarted(Instant at) {
        if (buildStartedAt == null) {
            buildStartedAt = at;
            registerEvent(new DeploymentEvents.BuildStarted(id, projectId, at));
        }
        advanceTo(DeploymentStatus.BUILDING);
    }

    void imageBuilt(String stack, CommitInfo commit, String imageTag, Instant at) {
        recordSource(stack, commit);
        if (this.imageTag == null) {
            registerEvent(new DeploymentEvents.ImageBuilt(id, projectId, imageTag, this.stack, this.commitSha, at));
        }
        this.imageTag = imageTag;
        if (deployingAt == null) {
            deployingAt = at;
        }
        advanceTo(DeploymentStatus.DEPLOYING);
    }

    void buildFailed(String reason, String stack, CommitInfo commit, Instant at) {
        recordSource(stack, commit);
        fail(reason, at);
    }

    /**
     * build-service stopped the build for {@code reason} (cancelled, or superseded by a newer deployment). A repeat,
     * or one after the deployment failed, changes nothing; one after the image was built contradicts it.
     */
    void buildCancelled(String reason, Instant at) {
        if (status == DeploymentStatus.CANCELLED || status == DeploymentStatus.FAILED) {
            return;
        }
        if (status != DeploymentStatus.QUEUED && status != DeploymentStatus.BUILDING) {
            throw new IllegalStateException("cannot mark deployment " + id + " CANCELLED: it is " + status);
        }
        status = DeploymentStatus.CANCELLED;
        error = reason;
        finishedAt = at;
        registerEvent(new DeploymentEvents.Cancelled(id, projectId, reason, at));
    }

    void becameHealthy(String url, Instant at) {
        if (status == DeploymentStatus.FAILED || status == DeploymentStatus.CANCELLED) {
            throw new IllegalStateException("cannot mark deployment " + id + " RUNNING: it is " + status + " ("
                    + error + ")");
        }
        this.url = url;
        if (finishedAt == null) {
            finishedAt = at;
        }
        if (status.ordinal() < DeploymentStatus.RUNNING.ordinal()) {
            registerEvent(new DeploymentEvents.WentLive(id, projectId, url, at));
        }
        advanceTo(DeploymentStatus.RUNNING);
    }

    void replaced(String reason, Instant at) {
        if (status != DeploymentStatus.RUNNING && status != DeploymentStatus.REPLACED) {
            throw new IllegalStateException("cannot mark deployment " + id + " REPLACED: it is " + status);
        }
        if (status == DeploymentStatus.RUNNING) {
            registerEvent(new DeploymentEvents.Replaced(id, projectId, reason, at));
        }
        advanceTo(DeploymentStatus.REPLACED);
    }

    void fail(String reason, Instant at) {
        if (status == DeploymentStatus.FAILED || status == DeploymentStatus.CANCELLED) {
            return;
        }
        if (status == DeploymentStatus.RUNNING || status == DeploymentStatus.REPLACED) {
            throw new IllegalStateException("cannot fail deployment " + id + ": it is " + status);
        }
        status = DeploymentStatus.FAILED;
        error = reason;
        finishedAt = at;
        registerEvent(new DeploymentEvents.Failed(id, projectId, reason, at));
    }

    /** The events registered since the deployment was loaded; published (and cleared) when it is saved. */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }

    private void recordSource(String stack, CommitInfo commit) {
        this.stack = stack != null ? stack : this.stack;
        this.commitSha = commit.sha() != null ? commit.sha() : this.commitSha;
        this.commitMessage = commit.message() != null ? commit.message() : this.commitMessage;
        this.commitAuthor = commit.author() != null ? commit.author() : this.commitAuthor;
    }

    private void advanceTo(DeploymentStatus next) {
        if (!status.isFinal() && next.ordinal() > status.ordinal()) {
            status = next;
        } else if (status == DeploymentStatus.RUNNING && next == DeploymentStatus.REPLACED) {
            status = next;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public DeploymentStatus status() {
        return status;
    }

    public DeploymentTrigger trigger() {
        return trigger;
    }

    public String error() {
        return error;
    }

    public String stack() {
        return stack;
    }

    public String commitSha() {
        return commitSha;
    }

    public String commitMessage() {
        return commitMessage;
    }

    public String commitAuthor() {
        return commitAuthor;
    }

    public String imageTag() {
        return imageTag;
    }

    public String url() {
        return url;
    }

    /** The deployment whose image this one runs again, when it is a rollback; else {@code null}. */
    public UUID rollbackOf() {
        return rollbackOf;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant buildStartedAt() {
        return buildStartedAt;
    }

    public Instant deployingAt() {
        return deployingAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
