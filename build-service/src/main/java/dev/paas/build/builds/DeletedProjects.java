package dev.paas.build.builds;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a deleted project: its unfinished builds are cancelled the way an owner's cancel does it (a queued one ends
 * CANCELLED at once and publishes {@code BuildCancelled}, a running one is stopped by its worker), the deletion is
 * remembered so that no later request builds it again, and {@link ProjectPurge} then removes its builds, their logs
 * and work directories, and its images. The runtime catalog and the environment suggestions are not the project's
 * and stay.
 */
@Service
public class DeletedProjects {

    /** The reason the cancelled builds of a deleted project carry. */
    static final String REASON = "project deleted";

    private static final Logger log = LoggerFactory.getLogger(DeletedProjects.class);

    private final Builds builds;
    private final ProjectTombstones tombstones;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeletedProjects(Builds builds, ProjectTombstones tombstones, ApplicationEventPublisher events, Clock clock) {
        this.builds = builds;
        this.tombstones = tombstones;
        this.events = events;
        this.clock = clock;
    }

    /** Handles the deletion of {@code projectId}; a repeated one cancels nothing new and purges again. */
    @Transactional
    public void forget(UUID projectId) {
        tombstones.record(projectId, clock.instant());
        for (UUID id : builds.lockUnfinishedOfProject(projectId)) {
            builds.findById(id).filter(build -> !build.isFinished()).ifPresent(build -> {
                boolean ended = build.cancel(REASON, clock.instant());
                log.info("build {} of the deleted project {} {}", id, projectId,
                        ended ? "is cancelled" : "is asked to stop");
                builds.save(build);
            });
        }
        events.publishEvent(new Forgotten(projectId));
    }

    /** The project was forgotten; once committed, its purge starts. */
    record Forgotten(UUID projectId) {
    }
}
