package dev.paas.runtime.rollout;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.Releases;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rollouts(Releases releases, ApplicationEventPublisher events, Clock clock) {
        this.releases = releases;
        this.events = events;
        this.clock = clock;
    }

    /** Records the release of a built image; a release already known for the deployment is left alone. */
    @Transactional
    public void schedule(ImageBuilt image) {
        if (releases.existsById(image.deploymentId())) {
            log.info("release of deployment {} is already recorded; ignoring the repeated ImageBuilt",
                    image.deploymentId());
            return;
        }
        releases.save(Release.pending(image.deploymentId(), image.projectId(), image.ownerId(), image.projectSlug(),
                image.imageTag(), image.port(), clock.instant()));
        events.publishEvent(new ReleaseRecorded(image.deploymentId()));
    }
}
