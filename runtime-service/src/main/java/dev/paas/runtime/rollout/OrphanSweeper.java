package dev.paas.runtime.rollout;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes app containers whose release is already over ({@code FAILED} or {@code REPLACED}): what a clean-up
 * could not remove because Docker was unreachable at that moment. Containers of deployments this service does
 * not know are left alone.
 */
class OrphanSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    private static final Set<ReleaseStatus> OVER = EnumSet.of(ReleaseStatus.FAILED, ReleaseStatus.REPLACED);

    private final AppContainers containers;
    private final Releases releases;
    private final AppStore store;

    OrphanSweeper(AppContainers containers, Releases releases, AppStore store) {
        this.containers = containers;
        this.releases = releases;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${paas.runtime.sweep-interval:5m}",
            fixedDelayString = "${paas.runtime.sweep-interval:5m}")
    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("could not look for orphaned app containers: {}", e.toString());
        }
    }

    /** Removes orphans; returns how many. */
    int sweep() {
        int removed = 0;
        for (AppContainers.ManagedContainer container : containers.managedContainers()) {
            Optional<Release> release = deployment(container.deploymentId()).flatMap(releases::findById);
            boolean over = release.isPresent() && OVER.contains(release.get().status());
            // a container of a live release that no replica record names: left from before replicas were recorded
            boolean unrecorded = release.isPresent() && release.get().status() == ReleaseStatus.RUNNING
                    && !store.knowsContainer(container.id())
                    && !store.replicasOf(release.get().deploymentId()).isEmpty();
            if (over || unrecorded) {
                log.info("removing container {} of deployment {}, whose release is {}", container.id(),
                        container.deploymentId(), release.get().status());
                containers.remove(container.id());
                removed++;
            }
        }
        return removed;
    }

    private static Optional<UUID> deployment(String label) {
        try {
            return Optional.of(UUID.fromString(label));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
