package dev.paas.runtime.rollout;

import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All releases, keyed by deployment id. Only the rollout feature reads and writes them. */
interface Releases extends ListCrudRepository<Release, UUID> {

    /** The project's release in the given status, for example the one currently {@code RUNNING}. */
    Optional<Release> findFirstByProjectIdAndStatus(UUID projectId, ReleaseStatus status);

    /** Whether {@code ownerId} has any release of the project, which makes the project theirs here. */
    boolean existsByProjectIdAndOwnerId(UUID projectId, UUID ownerId);

    /** The project's releases in any of the given states, oldest first. */
    List<Release> findByProjectIdAndStatusInOrderByCreatedAt(UUID projectId, Collection<ReleaseStatus> states);
}
