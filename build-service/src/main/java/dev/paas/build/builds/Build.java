package dev.paas.build.builds;

import dev.paas.build.stack.BuildOverrides;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The build of one deployment (its id is the deployment id). State changes go through methods that check the current
 * status and register the matching {@link BuildEvents}.
 */
@Table("builds")
class Build extends AbstractAggregateRoot<Build> {

    private static final int MAX_ERROR_LENGTH = 2000;

    @Id
    private final UUID id;
    private final UUID projectId;
    private final UUID ownerId;
    private final String projectSlug;
    private final String repoUrl;
    private final String branch;
    private final String requestedCommitSha;
    private final String rootDirectory;
    private final String installCommand;
    private final String buildCommand;
    private final String startCommand;
    private final Integer overridePort;
    private final String dockerfilePath;
    private BuildStatus status;
    private int attempts;
    private String stack;
    private String commitSha;
    private String commitMessage;
    private String commitAuthor;
    private String imageTag;
    private Integer port;
    private String error;
    private String cancelReason;
    private final Instant queuedAt;
    private Instant startedAt;
    private Instant finishedAt;
    @Version
    private Long version;

    @PersistenceCreator
    private Build(UUID id, UUID projectId, UUID ownerId, String projectSlug, String repoUrl, String branch,
            String requestedCommitSha, String rootDirectory, String installCommand, String buildCommand,
            String startCommand, Integer overridePort, String dockerfilePath, BuildStatus status, int attempts,
            String stack, String commitSha, String commitMessage, String commitAuthor, String imageTag,
            Integer port, String error, String cancelReason, Instant queuedAt, Instant startedAt, Instant finishedAt, Long version) {
        this.id = id;
        this.projectId = projectId;
        this.ownerId = ownerId;
        this.projectSlug = projectSlug;
        this.repoUrl = repoUrl;
        this.branch = branch;
        this.requestedCommitSha = requestedCommitSha;
        this.rootDirectory = rootDirectory;
        this.installCommand = installCommand;
        this.buildCommand = buildCommand;
        this.startCommand = startCommand;
        this.overridePort = overridePort;
        this.dockerfilePath = dockerfilePath;
        this.status = status;
        this.attempts = attempts;
        this.stack = stack;
        this.commitSha = commitSha;
        this.commitMessage = commitMessage;
        this.commitAuthor = commitAuthor;
        this.imageTag = imageTag;
        this.port = port;
        this.error = error;
        this.cancelReason = cancelReason;
        this.queuedAt = queuedAt;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.version = version;
    }

    /**
     * A new build for a requested deployment, waiting on the queue. {@code ownerId} is {@code null} for requests
     * from before accounts existed: nobody but the platform sees such a build.
     */
    static Build queue(UUID deploymentId, UUID projectId, UUID ownerId, String projectSlug, String repoUrl,
            String branch, Instant now) {
        return queue(deploymentId, projectId, ownerId, projectSlug, repoUrl, branch, null, BuildOverrides.NONE, now);
    }

    /**
     * A new build of commit {@code commitSha} of {@code branch} ({@code null}: the branch's head when it is cloned),
     * with the project's {@code overrides} of detection.
     */
    static Build queue(UUID deploymentId, UUID projectId, UUID ownerId, String projectSlug, String repoUrl,
            String branch, String commitSha, BuildOverrides overrides, Instant now) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(projectId, "projectId");
        BuildOverrides set = overrides == null ? BuildOverrides.NONE : overrides;
        Build build = new Build(deploymentId, projectId, ownerId, projectSlug, repoUrl, branch, commitSha,
                set.rootDirectory(), set.installCommand(), set.buildCommand(), set.startCommand(), set.port(),
                set.dockerfilePath(), BuildStatus.QUEUED, 0, null, null, null, null, null, null, null, null, now, null,
                null, null);
        build.registerEvent(new BuildEvents.Queued(deploymentId));
        return build;
    }

    /** A worker takes the build: counts the attempt. */
    void start(Instant now) {
        require(BuildStatus.QUEUED, "start");
        status = BuildStatus.RUNNING;
        attempts++;
        startedAt = now;
        registerEvent(new BuildEvents.Started(id, projectId, ownerId));
    }

    void recordCommit(String sha, String message, String author) {
        require(BuildStatus.RUNNING, "record the commit of");
        commitSha = sha;
        commitMessage = message;
        commitAuthor = author;
    }

    void recordStack(String detectedStack) {
        require(BuildStatus.RUNNING, "record the stack of");
        stack = detectedStack;
    }

    void succeed(String builtImageTag, int appPort, Instant now) {
        require(BuildStatus.RUNNING, "complete");
        status = BuildStatus.SUCCEEDED;
        imageTag = builtImageTag;
        port = appPort;
        finishedAt = now;
        registerEvent(new BuildEvents.Succeeded(id, projectId, projectSlug, imageTag, stack, commitSha,
                commitMessage, appPort, ownerId, commitAuthor));
    }

    void fail(String reason, Instant now) {
        require(BuildStatus.RUNNING, "fail");
        status = BuildStatus.FAILED;
        error = reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        finishedAt = now;
        registerEvent(new BuildEvents.Failed(id, projectId, error, stack, commitSha, commitMessage, ownerId,
                commitAuthor));
    }

    /** The worker stops (shutdown) and gives the build back; the attempt does not count. */
    void handBack() {
        require(BuildStatus.RUNNING, "hand back");
        status = BuildStatus.QUEUED;
        attempts--;
        registerEvent(new BuildEvents.Queued(id));
    }

    /**
     * The worker running the build disappeared (crash): the build is queued again and resumes from the start, unless
     * it was asked to stop, which ends it cancelled.
     */
    void requeueAbandoned(Instant now) {
        require(BuildStatus.RUNNING, "re-queue");
        if (cancelReason != null) {
            endCancelled(cancelReason, now);
            return;
        }
        status = BuildStatus.QUEUED;
        registerEvent(new BuildEvents.Queued(id));
    }

    /**
     * Cancels the build for {@code reason}: a QUEUED one ends CANCELLED at once; a RUNNING one records the request,
     * and its worker stops it ({@link #cancelled}). Returns whether the build ended now.
     */
    boolean cancel(String reason, Instant now) {
        switch (status) {
            case QUEUED -> {
                endCancelled(reason, now);
                return true;
            }
            case RUNNING -> {
                if (cancelReason == null) {
                    cancelReason = reason;
                }
                return false;
            }
            default -> throw new IllegalStateException("cannot cancel build " + id + ": it is already " + status);
        }
    }

    /** The worker stopped the build as it was asked to. */
    void cancelled(Instant now) {
        require(BuildStatus.RUNNING, "end as cancelled");
        endCancelled(cancelReason == null ? "cancelled" : cancelReason, now);
    }

    /** Why the running build was asked to stop, if it was. */
    String cancelReason() {
        return cancelReason;
    }

    /** Whether the build has ended, one way or another. */
    boolean isFinished() {
        return status != BuildStatus.QUEUED && status != BuildStatus.RUNNING;
    }

    private void endCancelled(String reason, Instant now) {
        status = BuildStatus.CANCELLED;
        error = reason;
        cancelReason = reason;
        finishedAt = now;
        registerEvent(new BuildEvents.Cancelled(id, projectId, reason, ownerId));
    }

    /** Whether the build is running in the given attempt, so a worker that lost its claim cannot complete it. */
    boolean isRunningAttempt(int attempt) {
        return status == BuildStatus.RUNNING && attempts == attempt;
    }

    /** The events registered since the build was loaded; published (and cleared) when it is saved. */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }

    private void require(BuildStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + " build " + id + ": it is " + status
                    + ", expected " + expected);
        }
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    UUID ownerId() {
        return ownerId;
    }

    /** Whether the build belongs to {@code userId}; one without an owner belongs to nobody. */
    boolean isOwnedBy(UUID userId) {
        return ownerId != null && ownerId.equals(userId);
    }

    String projectSlug() {
        return projectSlug;
    }

    String repoUrl() {
        return repoUrl;
    }

    String branch() {
        return branch;
    }

    /** The commit the deployment asked for, or {@code null} for the branch's head. */
    String requestedCommitSha() {
        return requestedCommitSha;
    }

    BuildOverrides overrides() {
        return new BuildOverrides(rootDirectory, installCommand, buildCommand, startCommand, overridePort,
                dockerfilePath);
    }

    BuildStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    String stack() {
        return stack;
    }

    String commitSha() {
        return commitSha;
    }

    String commitMessage() {
        return commitMessage;
    }

    String commitAuthor() {
        return commitAuthor;
    }

    String imageTag() {
        return imageTag;
    }

    Integer port() {
        return port;
    }

    String error() {
        return error;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
