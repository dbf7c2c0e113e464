package dev.paas.build.builds;

import dev.paas.build.image.DockerImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a build succeeded (committed), removes the project's images beyond the newest {@code paas.build.keep-images},
 * never one a container uses; see {@link DockerImages#keepLatest}. A cleanup that fails is logged and tried again
 * after the next build.
 */
@Component
class ImageRetention {

    private static final Logger log = LoggerFactory.getLogger(ImageRetention.class);

    private final DockerImages images;
    private final ImageRetentionProperties properties;

    ImageRetention(DockerImages images, ImageRetentionProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(BuildEvents.Succeeded built) {
        try {
            var removed = images.keepLatest(built.projectId().toString(), properties.keepImages());
            if (!removed.isEmpty()) {
                log.info("removed {} old image(s) of project {}: {}", removed.size(), built.projectSlug(), removed);
            }
        } catch (RuntimeException e) {
            log.warn("could not remove old images of project {}: {}", built.projectSlug(), e.toString());
        }
    }
}
