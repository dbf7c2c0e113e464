package dev.paas.build.builds;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of builds for the REST API. */
@Service
public class BuildQueries {

    private final Builds builds;
    private final BuildLogs logs;

    BuildQueries(Builds builds, BuildLogs logs) {
        this.builds = builds;
        this.logs = logs;
    }

    /** The build of a deployment, if build-service has heard of it. */
    @Transactional(readOnly = true)
    public Optional<BuildView> find(UUID id) {
        return builds.findById(id).map(BuildView::of);
    }

    /** The build log so far, one line per line; empty when the deployment has no build. */
    @Transactional(readOnly = true)
    public Optional<String> log(UUID id) {
        if (!builds.existsById(id)) {
            return Optional.empty();
        }
        var lines = logs.lines(id);
        return Optional.of(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }
}
