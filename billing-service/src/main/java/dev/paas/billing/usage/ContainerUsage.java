package dev.paas.billing.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One container's billable interval: from start to stop, with the limits it was given and whom it is billed to. */
@Table("container_usage")
public class ContainerUsage {

    @Id
    private final UUID deploymentId;
    private final UUID projectId;
    private final UUID ownerId;
    private final String containerId;
    private final long memoryBytes;
    private final long nanoCpus;
    private final Instant startedAt;
    private Instant stoppedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    ContainerUsage(UUID deploymentId, UUID projectId, UUID ownerId, String containerId, long memoryBytes,
            long nanoCpus, Instant startedAt, Instant stoppedAt, Integer version) {
        this.deploymentId = deploymentId;
        this.projectId = projectId;
        this.ownerId = ownerId;
        this.containerId = containerId;
        this.memoryBytes = memoryBytes;
        this.nanoCpus = nanoCpus;
        this.startedAt = startedAt;
        this.stoppedAt = stoppedAt;
        this.version = version;
    }

    static ContainerUsage start(UUID deploymentId, UUID projectId, UUID ownerId, String containerId,
            long memoryBytes, long nanoCpus, Instant at) {
        return new ContainerUsage(deploymentId, projectId, ownerId, containerId, memoryBytes, nanoCpus, at, null,
                null);
    }

    void stop(Instant at) {
        if (stoppedAt != null) {
            throw new IllegalStateException("cannot stop usage of deployment " + deploymentId
                    + ": it stopped at " + stoppedAt);
        }
        stoppedAt = at.isBefore(startedAt) ? startedAt : at;
    }

    /** How long it ran until {@code now}, or until it stopped. */
    public Duration runtime(Instant now) {
        return Duration.between(startedAt, stoppedAt != null ? stoppedAt : now);
    }

    public UUID deploymentId() {
        return deploymentId;
    }

    public UUID projectId() {
        return projectId;
    }

    /** Who is billed for it; {@code null} for containers started before they carried an owner. */
    public UUID ownerId() {
        return ownerId;
    }

    public String containerId() {
        return containerId;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public long nanoCpus() {
        return nanoCpus;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    public boolean isRunning() {
        return stoppedAt == null;
    }
}
