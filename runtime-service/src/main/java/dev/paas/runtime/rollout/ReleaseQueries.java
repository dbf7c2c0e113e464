package dev.paas.runtime.rollout;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerState;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dashboard may read about releases, on behalf of a user: a deployment's release and a project's
 * containers with what Docker says about them. Someone else's release or project is answered like an unknown one.
 */
@Service
@Transactional(readOnly = true)
public class ReleaseQueries {

    private static final List<ReleaseStatus> WITH_CONTAINER = Arrays.stream(ReleaseStatus.values())
            .filter(ReleaseStatus::hasContainer)
            .toList();

    private final Releases releases;
    private final AppContainers containers;

    ReleaseQueries(Releases releases, AppContainers containers) {
        this.releases = releases;
        this.containers = containers;
    }

    /** The release of deployment {@code deploymentId}, if it is {@code userId}'s. */
    public Optional<Release> release(UUID deploymentId, UUID userId) {
        return releases.findById(deploymentId).filter(release -> release.isOwnedBy(userId));
    }

    /**
     * The containers of {@code userId}'s project that may exist, oldest release first, each with its state as
     * Docker reports it now; empty when none of the project's images is known here for that user. Docker being
     * unreachable is not hidden: it fails the query.
     */
    public Optional<List<ReleaseContainer>> containers(UUID projectId, UUID userId) {
        if (!releases.existsByProjectIdAndOwnerId(projectId, userId)) {
            return Optional.empty();
        }
        return Optional.of(releases.findByProjectIdAndStatusInOrderByCreatedAt(projectId, WITH_CONTAINER).stream()
                .filter(release -> release.containerId() != null)
                .map(release -> new ReleaseContainer(release, containers.state(release.containerId())))
                .toList());
    }

    /** A release's container and what Docker says about it. */
    public record ReleaseContainer(Release release, ContainerState state) {
    }
}
