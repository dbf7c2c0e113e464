package dev.paas.billing.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a usage interval when a container starts and closes it when the container stops. */
@Service
public class UsageRecorder {

    private static final Log log = LogFactory.getLog(UsageRecorder.class);

    private final ContainerUsages usages;

    UsageRecorder(ContainerUsages usages) {
        this.usages = usages;
    }

    public void started(UUID deploymentId, UUID projectId, UUID ownerId, String containerId, long memoryBytes,
            long nanoCpus, Instant at) {
        if (!usages.existsById(deploymentId)) {
            usages.save(ContainerUsage.start(deploymentId, projectId, ownerId, containerId, memoryBytes, nanoCpus,
                    at));
        }
    }

    public void stopped(UUID deploymentId, Instant at) {
        usages.findById(deploymentId).filter(ContainerUsage::isRunning).ifPresentOrElse(usage -> {
            usage.stop(at);
            usages.save(usage);
        }, () -> log.info("no running usage for deployment " + deploymentId + "; nothing to close"));
    }

    /**
     * Closes the open intervals of a deleted project at the time it was deleted; its closed ones, the billing
     * history, stay. A later {@code ContainerStopped} of its containers finds nothing open and changes nothing.
     */
    @Transactional
    public void projectDeleted(UUID projectId, Instant at) {
        for (ContainerUsage usage : usages.findByProjectIdAndStoppedAtIsNull(projectId)) {
            usage.stop(at);
            usages.save(usage);
            log.info("closed the usage of deployment " + usage.deploymentId() + ": its project " + projectId
                    + " was deleted");
        }
    }

    /**
     * The usage of {@code ownerId}'s project, newest first; empty when the project is unknown here or someone
     * else's, which callers answer alike.
     */
    public List<ContainerUsage> ofProject(UUID projectId, UUID ownerId) {
        return usages.findByProjectIdAndOwnerIdOrderByStartedAtDesc(projectId, ownerId);
    }

    /** Every billable interval (one with an owner) that overlaps {@code [from, to)}. */
    public List<ContainerUsage> runningDuring(Instant from, Instant to) {
        return usages.findRunningDuring(from, to);
    }

    /** The owner's containers running now. */
    public List<ContainerUsage> runningOf(UUID ownerId) {
        return usages.findByOwnerIdAndStoppedAtIsNull(ownerId);
    }

    /** When the first billable container started, if any did. */
    public java.util.Optional<Instant> earliestStart() {
        return java.util.Optional.ofNullable(usages.findEarliestStart());
    }
}
