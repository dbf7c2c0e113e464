package dev.paas.build.builds;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of builds for the REST API. A build belongs to the owner its deployment request named; for anybody
 * else it does not exist.
 */
@Service
public class BuildQueries {

    private final Builds builds;
    private final BuildLogs logs;
    private final Admission admission;

    BuildQueries(Builds builds, BuildLogs logs, Admission admission) {
        this.builds = builds;
        this.logs = logs;
        this.admission = admission;
    }

    /** The build of one of {@code caller}'s deployments, if build-service has heard of it. */
    @Transactional(readOnly = true)
    public Optional<BuildView> find(UUID id, UUID caller) {
        return builds.findById(id).filter(build -> build.isOwnedBy(caller))
                .map(build -> BuildView.of(build, build.status() == BuildStatus.QUEUED
                        ? admission.waitingFor().orElse(null) : null));
    }

    /** The build log so far, oldest line first; empty when {@code caller}'s deployment has no build. */
    @Transactional(readOnly = true)
    public Optional<List<LogLine>> log(UUID id, UUID caller) {
        if (builds.findById(id).filter(build -> build.isOwnedBy(caller)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(logs.lines(id));
    }
}
