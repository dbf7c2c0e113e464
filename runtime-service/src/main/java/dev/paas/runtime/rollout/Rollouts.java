package dev.paas.runtime.rollout;

import dev.paas.runtime.accounts.PlanRules;
import dev.paas.runtime.release.Release;
import java.time.Clock;
import java.util.Optional;
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
    private final PlanRules plans;
    private final Clock clock;

    Rollouts(Releases releases, PlanRules plans, Clock clock) {
        this.releases = releases;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * Records the release of deployment {@code deploymentId}'s built image, served at {@code slug} from the app's
     * {@code port}; a release already known for the deployment (a replay) is left alone. {@code ownerId} is
     * {@code null} for images built before accounts existed.
     */
    @Transactional
    public void schedule(UUID deploymentId, UUID projectId, UUID ownerId, String slug, String imageTag, int port) {
        schedule(deploymentId, projectId, ownerId, slug, imageTag, null, port);
    }

    /**
     * Records the release like {@link #schedule(UUID, UUID, UUID, String, String, int)}, of an image of
     * {@code stack} ({@code node}, {@code static}, {@code dockerfile}; {@code null} when unknown). A stack the
     * owner's plan does not allow fails the release at once with the reason, and nothing is started.
     */
    @Transactional
    public void schedule(UUID deploymentId, UUID projectId, UUID ownerId, String slug, String imageTag, String stack,
            int port) {
        if (releases.existsById(deploymentId)) {
            log.info("release of deployment {} is already recorded; ignoring the repeated built image", deploymentId);
            return;
        }
        Release release = Release.pending(deploymentId, projectId, ownerId, slug, imageTag, port, clock.instant());
        String refusal = ownerId == null ? null : plans.runtimeRefusal(ownerId, stack);
        if (refusal != null) {
            log.info("deployment {} is not started: {}", deploymentId, refusal);
            release.failed(refusal, clock.instant());
        }
        releases.save(release);
    }

    /**
     * Records a release of an earlier deployment's image as deployment {@code deploymentId}: the rollback is
     * rolled out like a new build. A source that runtime-service never ran, or ran for another project, fails
     * the new deployment with the reason; a replay is left alone.
     */
    @Transactional
    public void rollBack(UUID deploymentId, UUID projectId, UUID ownerId, String slug, UUID sourceDeploymentId) {
        if (releases.existsById(deploymentId)) {
            log.info("release of deployment {} is already recorded; ignoring the repeated rollback", deploymentId);
            return;
        }
        Optional<Release> source = releases.findById(sourceDeploymentId)
                .filter(release -> release.projectId().equals(projectId));
        if (source.isEmpty()) {
            Release release = Release.pending(deploymentId, projectId, ownerId, slug, "none", 1, clock.instant());
            release.failed("deployment " + sourceDeploymentId + " never ran here, so there is no image to roll back to",
                    clock.instant());
            releases.save(release);
            return;
        }
        releases.save(Release.pending(deploymentId, projectId, ownerId, slug, source.get().imageTag(),
                source.get().port(), clock.instant()));
    }
}
