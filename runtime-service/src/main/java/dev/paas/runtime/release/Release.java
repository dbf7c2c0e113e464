package dev.paas.runtime.release;

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
 * One deployment's image on its way to (or out of) production: the container it runs in, where that
 * container answers, and what became of it. State changes go through methods that check the current state and
 * register the matching {@link ReleaseEvents}, published when the release is saved.
 */
@Table("releases")
public class Release extends AbstractAggregateRoot<Release> {

    @Id
    private final UUID deploymentId;
    private final UUID projectId;
    private final UUID ownerId;
    private final String slug;
    private final String imageTag;
    private final int port;
    private ReleaseStatus status;
    private String containerId;
    private String containerName;
    private Integer hostPort;
    private String url;
    private String error;
    private int attempts;
    private UUID replacedBy;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Release(UUID deploymentId, UUID projectId, UUID ownerId, String slug, String imageTag, int port,
            ReleaseStatus status, Instant createdAt) {
        this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.ownerId = ownerId;
        this.slug = Objects.requireNonNull(slug, "slug");
        this.imageTag = Objects.requireNonNull(imageTag, "imageTag");
        this.port = port;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /**
     * A release of a freshly built image, waiting for the rollout worker. {@code ownerId} is {@code null} for
     * images built before accounts existed: nobody but the platform sees such a release.
     */
    public static Release pending(UUID deploymentId, UUID projectId, UUID ownerId, String slug, String imageTag,
            int port, Instant now) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        Release release = new Release(deploymentId, projectId, ownerId, slug, imageTag, port, ReleaseStatus.PENDING,
                now);
        release.registerEvent(new ReleaseEvents.Recorded(deploymentId));
        return release;
    }

    /** The container was created and started; health checks come next. */
    public void started(String containerId, String containerName, int hostPort, long memoryBytes,
            long nanoCpus, Instant now) {
        requireStatus("record a started container", ReleaseStatus.PENDING);
        this.status = ReleaseStatus.STARTING;
        this.containerId = containerId;
        this.containerName = containerName;
        this.hostPort = hostPort;
        this.attempts++;
        this.updatedAt = now;
        registerEvent(new ReleaseEvents.Started(deploymentId, projectId, containerId, memoryBytes, nanoCpus,
                ownerId));
    }

    /** The container answers and the route points at it: the release is live at {@code url}. */
    public void promoted(String url, Instant now) {
        requireStatus("promote", ReleaseStatus.STARTING);
        this.status = ReleaseStatus.RUNNING;
        this.url = url;
        this.updatedAt = now;
        registerEvent(new ReleaseEvents.Promoted(deploymentId, projectId, containerId, url));
    }

    /** A newer release of the same project took over the route; this container is to be stopped. */
    public void supersededBy(UUID newer, Instant now) {
        requireStatus("retire", ReleaseStatus.RUNNING);
        this.status = ReleaseStatus.RETIRING;
        this.replacedBy = newer;
        this.updatedAt = now;
    }

    /** The superseded container is gone. */
    public void replaced(Instant now) {
        requireStatus("mark as replaced", ReleaseStatus.RETIRING);
        this.status = ReleaseStatus.REPLACED;
        this.updatedAt = now;
        registerEvent(new ReleaseEvents.Replaced(deploymentId, projectId, containerId, replacedBy));
    }

    /** The release could not go live; its container (if any) has already been removed. */
    public void failed(String reason, Instant now) {
        requireStatus("fail", ReleaseStatus.PENDING, ReleaseStatus.STARTING);
        this.status = ReleaseStatus.FAILED;
        this.error = reason;
        this.updatedAt = now;
        registerEvent(new ReleaseEvents.Failed(deploymentId, projectId, reason));
    }

    /**
     * A start that was interrupted (runtime-service stopped while the container was starting) goes back to
     * {@code PENDING} so it is tried again; its leftover container has already been removed.
     */
    public void interrupted(Instant now) {
        requireStatus("retry", ReleaseStatus.STARTING);
        this.status = ReleaseStatus.PENDING;
        this.containerId = null;
        this.containerName = null;
        this.hostPort = null;
        this.updatedAt = now;
    }

    /** The events registered since the release was loaded; published (and cleared) when it is saved. */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }

    private void requireStatus(String action, ReleaseStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new IllegalStateException("cannot %s: release of deployment %s is %s".formatted(action,
                    deploymentId, status));
        }
    }

    public UUID deploymentId() {
        return deploymentId;
    }

    public UUID projectId() {
        return projectId;
    }

    /** The user who owns the project, or {@code null} for a release from before accounts existed. */
    public UUID ownerId() {
        return ownerId;
    }

    /** Whether the release belongs to {@code userId}; one without an owner belongs to nobody. */
    public boolean isOwnedBy(UUID userId) {
        return ownerId != null && ownerId.equals(userId);
    }

    public String slug() {
        return slug;
    }

    public String imageTag() {
        return imageTag;
    }

    public int port() {
        return port;
    }

    public ReleaseStatus status() {
        return status;
    }

    public String containerId() {
        return containerId;
    }

    public String containerName() {
        return containerName;
    }

    public Integer hostPort() {
        return hostPort;
    }

    public String url() {
        return url;
    }

    public String error() {
        return error;
    }

    public int attempts() {
        return attempts;
    }

    public UUID replacedBy() {
        return replacedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
