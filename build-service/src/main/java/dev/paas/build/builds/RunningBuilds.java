package dev.paas.build.builds;

import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * State changes of a claimed build, each in its own transaction. The final ones publish {@code ImageBuilt} or
 * {@code BuildFailed} through the aggregate's events. A worker whose claim was taken over (its lease ran out) changes
 * nothing.
 */
@Service
class RunningBuilds {

    private static final Logger log = LoggerFactory.getLogger(RunningBuilds.class);

    private final Builds builds;
    private final Clock clock;

    RunningBuilds(Builds builds, Clock clock) {
        this.builds = builds;
        this.clock = clock;
    }

    @Transactional
    boolean recordCommit(ClaimedBuild claimed, String sha, String message, String author) {
        return update(claimed, build -> build.recordCommit(sha, message, author));
    }

    @Transactional
    boolean recordStack(ClaimedBuild claimed, String stack) {
        return update(claimed, build -> build.recordStack(stack));
    }

    @Transactional
    boolean succeed(ClaimedBuild claimed, String imageTag, int port) {
        return update(claimed, build -> build.succeed(imageTag, port, clock.instant()));
    }

    @Transactional
    boolean fail(ClaimedBuild claimed, String reason) {
        return update(claimed, build -> build.fail(reason, clock.instant()));
    }

    /** The worker stopped the build because it was asked to. */
    @Transactional
    boolean cancelled(ClaimedBuild claimed) {
        return update(claimed, build -> build.cancelled(clock.instant()));
    }

    @Transactional
    boolean handBack(ClaimedBuild claimed) {
        return update(claimed, Build::handBack);
    }

    private boolean update(ClaimedBuild claimed, Consumer<Build> change) {
        Build build = builds.findById(claimed.id())
                .orElseThrow(() -> new IllegalStateException("build " + claimed.id() + " disappeared"));
        if (!build.isRunningAttempt(claimed.attempt())) {
            log.warn("build {} is no longer ours (status {}, attempt {} instead of {}); result dropped", build.id(),
                    build.status(), build.attempts(), claimed.attempt());
            return false;
        }
        change.accept(build);
        builds.save(build);
        return true;
    }
}
