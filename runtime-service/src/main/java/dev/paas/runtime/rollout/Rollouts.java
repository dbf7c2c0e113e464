package dev.paas.runtime.rollout;

import dev.paas.runtime.release.Release;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes built images in: records a {@code PENDING} release and leaves the rollout to {@link RolloutWorker},
 * which is woken once the transaction commits.
 */
@Service
public class Rollouts {

    private static final Logger log = LoggerFactory.getLogger(Rollouts.class);

    private final Releases releases;
    private final Clock clock;

    Rollouts(Releases releases, Clock clock) {
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * Records the release of deployment {@code deploymentId}'s built image, served at {@code slug} from the app's
     * {@code port}; a release already known for the deployment (a replay) is left alone. {@code ownerId} is
     * {@code null} for images built before accounts existed.
     */
    @Transactional
    public void schedule(UUID deploymentId, UUID projectId, UUID ownerId, String slug, String imageTag, int port) {
        if (releases.existsById(deploymentId)) {
            log.info("release of deployment {} is already recorded; ignoring the repeated built image", deploymentId);
            return;
        }
        releases.save(Release.pending(deploymentId, projectId, ownerId, slug, imageTag, port, clock.instant()));
    }
}
